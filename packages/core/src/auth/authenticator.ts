/**
 * Turns an `Authorization` header into a principal. Lookups are cached for a few seconds because every request
 * authenticates; a revoked token therefore stops working within `cacheTtlMs`.
 */
import { AuthError } from '@tollgate/provider-spec';
import type { TokenRepository } from '../store/token-repository.js';
import { ACCESS_TOKEN_PREFIX, hashAccessToken } from './access-token.js';
import type { Principal } from './principal.js';

export interface AuthenticatorOptions {
  readonly cacheTtlMs?: number;
  readonly cacheSize?: number;
  readonly now?: () => number;
}

const MISSING =
  'You must provide an access token: set the `Authorization: Bearer hf_...` header. Create one with `tollgate users create NAME`.';
const INVALID = 'Invalid credentials in Authorization header: the token is unknown or was revoked.';

export class Authenticator {
  private readonly cache = new Map<string, { principal: Principal; expiresAt: number }>();
  private readonly ttl: number;
  private readonly size: number;
  private readonly now: () => number;

  constructor(
    private readonly tokens: TokenRepository,
    options: AuthenticatorOptions = {},
  ) {
    this.ttl = options.cacheTtlMs ?? 10_000;
    this.size = options.cacheSize ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** @example await authenticator.authenticate('Bearer hf_...') */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    const token = parseBearer(authorization);
    if (!token) throw new AuthError({ message: MISSING, code: 'missing_api_key' });
    if (!token.startsWith(ACCESS_TOKEN_PREFIX)) throw new AuthError({ message: INVALID });
    const hash = hashAccessToken(token);
    const cached = this.cache.get(hash);
    if (cached && cached.expiresAt > this.now()) return cached.principal;
    const found = await this.tokens.findActiveByHash(hash);
    if (!found) {
      this.cache.delete(hash);
      throw new AuthError({ message: INVALID });
    }
    const principal: Principal = {
      userId: found.user.id,
      userName: found.user.name,
      tokenId: found.token.id,
      permissions: found.token.permissions,
    };
    if (this.cache.size >= this.size) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(hash, { principal, expiresAt: this.now() + this.ttl });
    return principal;
  }

  /** Forget cached lookups (after a revocation made in this process). */
  forget(): void {
    this.cache.clear();
  }
}

function parseBearer(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
