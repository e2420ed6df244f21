/** Checks the database URL an operator gave, without ever repeating it: it may hold a password. */
import { isPostgresConnectionString } from '@tollgate/store-postgres';
import { ServerConfigError } from './server-config-error.js';

/**
 * Returns `value` when it is a `postgres://` or `postgresql://` URL (or undefined when unset); otherwise throws a
 * `ServerConfigError` naming `field` (`--database-url`, `TOLLGATE_DATABASE_URL`).
 *
 * @example
 * checkDatabaseUrl(environmentValue(env, 'TOLLGATE_DATABASE_URL'), 'TOLLGATE_DATABASE_URL');
 */
export function checkDatabaseUrl(value: string | undefined, field: string): string | undefined {
  if (value === undefined || isPostgresConnectionString(value)) return value;
  // Only the scheme is safe to repeat.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1];
  const given = scheme === undefined ? 'something that is not a URL' : `a ${scheme}: URL`;
  throw new ServerConfigError({
    message:
      `${field} must be a postgres:// or postgresql:// URL, got ${given}; leave it unset for the embedded SQLite ` +
      'store in the data directory.',
    field,
  });
}
