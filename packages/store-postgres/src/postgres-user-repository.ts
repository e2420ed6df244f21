/** The users table behind the `UserRepository` interface. */
import { randomUUID } from 'node:crypto';
import type { UserRecord, UserRepository } from '@tollgate/core';
import { InputError } from '@tollgate/provider-spec';
import type pg from 'pg';
import { isPostgresConstraintError, POSTGRES_UNIQUE_VIOLATION } from './is-postgres-constraint-error.js';

interface UserRow {
  readonly id: string;
  readonly name: string;
  readonly is_admin: boolean;
  readonly created_at: Date;
}

const userColumns = 'id, name, is_admin, created_at';

/**
 * A `UserRepository` over a migrated PostgreSQL pool. Ids are random UUIDs; a taken name raises `InputError` with
 * code `user_exists`. Statements are named, so each connection prepares them once.
 *
 * @example
 * const users = createPostgresUserRepository(pool);
 * const alice = await users.create({ name: 'alice' });
 */
export function createPostgresUserRepository(pool: pg.Pool): UserRepository {
  return {
    async create({ name, isAdmin = false }) {
      const user: UserRecord = { id: randomUUID(), name, isAdmin, createdAt: new Date().toISOString() };
      try {
        await pool.query({
          name: 'tollgate-users-insert',
          text: 'INSERT INTO users (id, name, is_admin, created_at) VALUES ($1, $2, $3, $4)',
          values: [user.id, user.name, user.isAdmin, user.createdAt],
        });
      } catch (error) {
        if (isPostgresConstraintError(error, POSTGRES_UNIQUE_VIOLATION, 'users_name_key')) {
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
      const { rows } = await pool.query<UserRow>({
        name: 'tollgate-users-by-name',
        text: `SELECT ${userColumns} FROM users WHERE name = $1`,
        values: [name],
      });
      return rows[0] === undefined ? undefined : toUserRecord(rows[0]);
    },
    async findById(id) {
      const { rows } = await pool.query<UserRow>({
        name: 'tollgate-users-by-id',
        text: `SELECT ${userColumns} FROM users WHERE id = $1`,
        values: [id],
      });
      return rows[0] === undefined ? undefined : toUserRecord(rows[0]);
    },
    async list() {
      // Byte order, as SQLite sorts, whatever the database's collation.
      const { rows } = await pool.query<UserRow>({
        name: 'tollgate-users-list',
        text: `SELECT ${userColumns} FROM users ORDER BY created_at, name COLLATE "C"`,
      });
      return rows.map(toUserRecord);
    },
  };
}

function toUserRecord(row: UserRow): UserRecord {
  return { id: row.id, name: row.name, isAdmin: row.is_admin, createdAt: row.created_at.toISOString() };
}
