/** Recognises the PostgreSQL constraint violations that stores turn into caller-facing errors. */
import pg from 'pg';

/** The SQLSTATE codes the repositories translate. */
export const POSTGRES_UNIQUE_VIOLATION = '23505';
export const POSTGRES_FOREIGN_KEY_VIOLATION = '23503';

/**
 * True when `error` is a node-postgres `DatabaseError` with SQLSTATE `code` (e.g. `23505`, unique violation)
 * raised by the constraint named `constraint` (e.g. `users_name_key`).
 *
 * @example
 * if (isPostgresConstraintError(error, POSTGRES_UNIQUE_VIOLATION, 'users_name_key')) throw nameTaken();
 */
export function isPostgresConstraintError(error: unknown, code: string, constraint: string): boolean {
  return error instanceof pg.DatabaseError && error.code === code && error.constraint === constraint;
}
