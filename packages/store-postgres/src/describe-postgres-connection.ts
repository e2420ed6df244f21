/** The store's description for logs and `/ready`: where the database is, never who logs in or with what. */
import { parse } from 'pg-connection-string';

const defaultPort = 5432;

/**
 * `postgres://host:port/database`, plus the schema when the store is confined to one. The user name, password
 * and query parameters of `connectionString` are left out. A Unix socket directory is percent-encoded as the host,
 * as libpq writes it.
 *
 * @example
 * describePostgresConnection('postgresql://app:secret@db.internal/tollgate'); // 'postgres://db.internal:5432/tollgate'
 */
export function describePostgresConnection(connectionString: string, schema?: string): string {
  const parsed = parse(connectionString);
  const rawHost = parsed.host || 'localhost';
  const host = rawHost.startsWith('/')
    ? encodeURIComponent(rawHost)
    : rawHost.includes(':')
      ? `[${rawHost}]`
      : rawHost;
  const port = parsed.port || defaultPort;
  // Without a database name PostgreSQL connects to the database named like the user.
  const database = parsed.database || parsed.user || 'postgres';
  const location = `postgres://${host}:${port}/${encodeURIComponent(database)}`;
  return schema === undefined ? location : `${location} (schema ${schema})`;
}
