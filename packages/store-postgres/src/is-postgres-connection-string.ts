/** Tells a PostgreSQL URL from anything else a database setting might hold. */

/**
 * True for a `postgres://` or `postgresql://` URL (the scheme in any case), the two forms libpq accepts.
 *
 * @example
 * isPostgresConnectionString('postgresql://db.internal/tollgate'); // true
 * isPostgresConnectionString('sqlite:/data/tollgate.db'); // false
 */
export function isPostgresConnectionString(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value);
}
