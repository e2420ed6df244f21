/** The tokens table behind the `TokenRepository` interface. */
import { isTokenPermission, type TokenRecord, type TokenRepository, type UserRecord } from '@tollgate/core';
import { InputError } from '@tollgate/provider-spec';
import type Database from 'better-sqlite3';
import { isSqliteConstraintError } from './is-sqlite-constraint-error.js';
import { prepareOnce } from './prepare-once.js';

interface TokenRow {
  readonly id: string;
  readonly user_id: string;
  readonly name: string;
  readonly secret_hash: string;
  readonly display_prefix: string;
  /** A JSON array of permission names. */
  readonly permissions: string;
  readonly created_at: string;
  readonly revoked_at: string | null;
}

interface TokenWithUserRow extends TokenRow {
  readonly user_name: string;
  /** 0 or 1. */
  readonly user_is_admin: number;
  readonly user_created_at: string;
}

const tokenColumns = 'id, user_id, name, secret_hash, display_prefix, permissions, created_at, revoked_at';

/**
 * A `TokenRepository` over a migrated SQLite connection. Inserting for an unknown user raises
 * `InputError` code `user_not_found`; reusing a token id or secret hash raises code `token_exists`.
 *
 * @example
 * const tokens = createSqliteTokenRepository(database);
 * const found = await tokens.findActiveByHash(sha256Hex(plaintext));
 */
export function createSqliteTokenRepository(database: Database.Database): TokenRepository {
  const insertToken = prepareOnce<[string, string, string, string, string, string, string], unknown>(
    database,
    `INSERT INTO tokens (id, user_id, name, secret_hash, display_prefix, created_at, permissions)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectActiveByHash = prepareOnce<[string], TokenWithUserRow>(
    database,
    `SELECT t.id, t.user_id, t.name, t.secret_hash, t.display_prefix, t.permissions, t.created_at, t.revoked_at,
            u.name AS user_name, u.is_admin AS user_is_admin, u.created_at AS user_created_at
     FROM tokens t JOIN users u ON u.id = t.user_id
     WHERE t.secret_hash = ? AND t.revoked_at IS NULL`,
  );
  const selectForUser = prepareOnce<[string], TokenRow>(
    database,
    `SELECT ${tokenColumns} FROM tokens WHERE user_id = ? ORDER BY created_at, id`,
  );
  const revokeLive = prepareOnce<[string, string], unknown>(
    database,
    'UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
  );

  return {
    async insert(record) {
      try {
        insertToken().run(
          record.id,
          record.userId,
          record.name,
          record.secretHash,
          record.displayPrefix,
          record.createdAt,
          JSON.stringify(record.permissions),
        );
      } catch (error) {
        throw translateInsertError(error, record.userId);
      }
      return {
        id: record.id,
        userId: record.userId,
        name: record.name,
        secretHash: record.secretHash,
        displayPrefix: record.displayPrefix,
        permissions: [...record.permissions],
        createdAt: record.createdAt,
        revokedAt: null,
      };
    },
    async findActiveByHash(secretHash) {
      const row = selectActiveByHash().get(secretHash);
      if (row === undefined) return undefined;
      const user: UserRecord = {
        id: row.user_id,
        name: row.user_name,
        isAdmin: row.user_is_admin === 1,
        createdAt: row.user_created_at,
      };
      return { token: toTokenRecord(row), user };
    },
    async listForUser(userId) {
      return selectForUser().all(userId).map(toTokenRecord);
    },
    async revoke(id) {
      return revokeLive().run(new Date().toISOString(), id).changes > 0;
    },
  };
}

function translateInsertError(error: unknown, userId: string): unknown {
  if (isSqliteConstraintError(error, 'SQLITE_CONSTRAINT_FOREIGNKEY')) {
    return new InputError({ message: `No user has id '${userId}'.`, code: 'user_not_found', cause: error });
  }
  if (
    isSqliteConstraintError(error, 'SQLITE_CONSTRAINT_PRIMARYKEY', 'tokens.id') ||
    isSqliteConstraintError(error, 'SQLITE_CONSTRAINT_UNIQUE', 'tokens.secret_hash')
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
    permissions: permissionsOf(row.permissions),
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

/** Names this gateway does not know (written by a newer version) are dropped: they grant nothing here. */
function permissionsOf(column: string): TokenRecord['permissions'] {
  const parsed: unknown = JSON.parse(column);
  return Array.isArray(parsed) ? parsed.filter(isTokenPermission) : [];
}
