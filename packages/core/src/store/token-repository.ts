/** Access tokens. Only a SHA-256 hash of the secret is stored; the plaintext is shown once, at creation. */
import type { TokenPermission } from '../auth/token-permission.js';
import type { UserRecord } from './user-repository.js';

export interface TokenRecord {
  readonly id: string;
  readonly userId: string;
  /** A label the owner chose, e.g. `laptop`. */
  readonly name: string;
  /** Hex SHA-256 of the plaintext token. */
  readonly secretHash: string;
  /** The first characters of the token (e.g. `hf_AbCd`), to recognise it in listings without revealing it. */
  readonly displayPrefix: string;
  /**
   * What the token may do, in `TOKEN_PERMISSIONS` order. Tokens made before migration 10 have every permission;
   * a store drops names it does not know when reading.
   */
  readonly permissions: readonly TokenPermission[];
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface TokenRepository {
  insert(record: Omit<TokenRecord, 'revokedAt'>): Promise<TokenRecord>;
  /** The live (not revoked) token with this hash, with its user. */
  findActiveByHash(secretHash: string): Promise<{ token: TokenRecord; user: UserRecord } | undefined>;
  listForUser(userId: string): Promise<readonly TokenRecord[]>;
  /** Returns false when no live token has that id. */
  revoke(id: string): Promise<boolean>;
}
