/** The tokens table behind the `TokenRepository` interface. */
import { isTokenPermission, type TokenRecord, type TokenRepository, type UserRecord } from '@tollgate/core';
import { InputError } from '@tollgate/provider-spec';
import type pg from 'pg';
import {
  isPostgresConstraintError,
  POSTGRES_FOREIGN_KEY_VIOLATION,
  POSTGRES_UNIQUE_VIOLATION,
} from './is-postgres-constraint-error.js';

interface TokenRow {
  readonly id: string;
  readonly user_id: string;
  readonly name: string;
  readonly secret_hash: string;
  readonly display_prefix: string;
  readonly permissions: readonly string[];
  readonly created_at: Date;
  readonly revoked_at: Date | null;
}

interface TokenWithUserRow extends TokenRow {
  readonly user_name: string;
  readonly user_is_admin: boolean;
  readonly user_created_at: Date;
}

const tokenColumns = 'id, user_id, name, secret_hash, display_prefix, permissions, created_at, revoked_at';

/**
 * A `TokenRepository` over a migrated PostgreSQL pool. Inserting for an unknown user raises `InputError` code
 * `user_not_found`; reusing a token id or secret hash raises code `token_exists`.
 *
 * @example
 * const tokens = createPostgresTokenRepository(pool);
 * const found = await tokens.findActiveByHash(sha256Hex(plaintext));
 */
export function createPostgresTokenRepository(pool: pg.Pool): TokenRepository {
  return {
    async insert(record) {
      let inserted: TokenRow | undefined;
      try {
        const { rows } = await pool.query<TokenRow>({
          name: 'tollgate-tokens-insert',
          text: `INSERT INTO tokens (id, user_id, name, secret_hash, display_prefix, created_at, permissions)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)
                 RETURNING ${tokenColumns}`,
          values: [
            record.id,
            record.userId,
            record.name,
            record.secretHash,
            record.displayPrefix,
            record.createdAt,
            [...record.permissions],
          ],
        });
        inserted = rows[0];
      } catch (error) {
        throw translateInsertError(error, record.userId);
      }
      if (inserted === undefined) throw new Error('PostgreSQL returned no row for an inserted token.');
      return toTokenRecord(inserted);
    },
    async findActiveByHash(secretHash) {
      const { rows } = await pool.query<TokenWithUserRow>({
        name: 'tollgate-tokens-active-by-hash',
        text: `SELECT t.id, t.user_id, t.name, t.secret_hash, t.display_prefix, t.permissions, t.created_at, t.revoked_at,
                      u.name AS user_name, u.is_admin AS user_is_admin, u.created_at AS user_created_at
               FROM tokens t JOIN users u ON u.id = t.user_id
               WHERE t.secret_hash = $1 AND t.revoked_at IS NULL`,
        values: [secretHash],
      });
      const row = rows[0];
      if (row === undefined) return undefined;
      const user: UserRecord = {
        id: row.user_id,
        name: row.user_name,
        isAdmin: row.user_is_admin,
        createdAt: row.user_created_at.toISOString(),
      };
      return { token: toTokenRecord(row), user };
    },
    async listForUser(userId) {
      const { rows } = await pool.query<TokenRow>({
        name: 'tollgate-tokens-for-user',
        text: `SELECT ${tokenColumns} FROM tokens WHERE user_id = $1 ORDER BY created_at, id COLLATE "C"`,
        values: [userId],
      });
      return rows.map(toTokenRecord);
    },
    async revoke(id) {
      const { rowCount } = await pool.query({
        name: 'tollgate-tokens-revoke',
        text: 'UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL',
        values: [new Date().toISOString(), id],
      });
      return (rowCount ?? 0) > 0;
    },
  };
}

function translateInsertError(error: unknown, userId: string): unknown {
  if (isPostgresConstraintError(error, POSTGRES_FOREIGN_KEY_VIOLATION, 'tokens_user_id_fkey')) {
    return new InputError({ message: `No user has id '${userId}'.`, code: 'user_not_found', cause: error });
  }
  if (
    isPostgresConstraintError(error, POSTGRES_UNIQUE_VIOLATION, 'tokens_pkey') ||
    isPostgresConstraintError(error, POSTGRES_UNIQUE_VIOLATION, 'tokens_secret_hash_key')
  ) {
    return new InputError({
      message: 'A token with this id or secret already exists.',
      code: 'token_exists',
      cause: error,
    });
  }
  return error;
}

function toTokenRecord(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    secretHash: row.secret_hash,
    displayPrefix: row.display_prefix,
    permissions: row.permissions.filter(isTokenPermission),
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at === null ? null : row.revoked_at.toISOString(),
  };
}
