/** The users table behind the `UserRepository` interface. */
import { randomUUID } from 'node:crypto';
import type { UserRecord, UserRepository } from '@tollgate/core';
import { InputError } from '@tollgate/provider-spec';
import type Database from 'better-sqlite3';
import { isSqliteConstraintError } from './is-sqlite-constraint-error.js';
import { prepareOnce } from './prepare-once.js';

interface UserRow {
  readonly id: string;
  readonly name: string;
  /** 0 or 1. */
  readonly is_admin: number;
  readonly created_at: string;
}

const userColumns = 'id, name, is_admin, created_at';

/**
 * A `UserRepository` over a migrated SQLite connection. Ids are random UUIDs; a taken name raises
 * `InputError` with code `user_exists`.
 *
 * @example
 * const users = createSqliteUserRepository(database);
 * const alice = await users.create({ name: 'alice' });
 */
export function createSqliteUserRepository(database: Database.Database): UserRepository {
  const insertUser = prepareOnce<[string, string, number, string], unknown>(
    database,
    'INSERT INTO users (id, name, is_admin, created_at) VALUES (?, ?, ?, ?)',
  );
  const selectByName = prepareOnce<[string], UserRow>(
    database,
    `SELECT ${userColumns} FROM users WHERE name = ?`,
  );
  const selectById = prepareOnce<[string], UserRow>(
    database,
    `SELECT ${userColumns} FROM users WHERE id = ?`,
  );
  const selectAll = prepareOnce<[], UserRow>(
    database,
    `SELECT ${userColumns} FROM users ORDER BY created_at, name`,
  );

  return {
    async create({ name, isAdmin = false }) {
      const user: UserRecord = { id: randomUUID(), name, isAdmin, createdAt: new Date().toISOString() };
      try {
        insertUser().run(user.id, user.name, user.isAdmin ? 1 : 0, user.createdAt);
      } catch (error) {
        if (isSqliteConstraintError(error, 'SQLITE_CONSTRAINT_UNIQUE', 'users.name')) {
          throw new InputError({
            message: `A user named '${name}' already exists; choose another name.`,
            param: 'name',
            code: 'user_exists',
            cause: error,
          });
        }
        throw error;
      }
      return user;
    },
    async findByName(name) {
      const row = selectByName().get(name);
      return row === undefined ? undefined : toUserRecord(row);
    },
    async findById(id) {
      const row = selectById().get(id);
      return row === undefined ? undefined : toUserRecord(row);
    },
    async list() {
      return selectAll().all().map(toUserRecord);
    },
  };
}

function toUserRecord(row: UserRow): UserRecord {
  return { id: row.id, name: row.name, isAdmin: row.is_admin === 1, createdAt: row.created_at };
}
