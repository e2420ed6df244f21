/** Opens the node-postgres connection pool a store runs on, with the settings every Tollgate store connection uses. */
import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import { checkPostgresSchemaName } from './check-postgres-schema-name.js';
import { isPostgresConnectionString } from './is-postgres-connection-string.js';

/** How long a query waits for a free or new connection before failing, so `/ready` and requests never hang. */
export const POSTGRES_CONNECT_TIMEOUT_MS = 5000;

/** The most connections one store (one gateway instance) holds; mind PostgreSQL's `max_connections` across instances. */
export const POSTGRES_POOL_SIZE = 10;

export interface PostgresPoolOptions {
  /** A `postgres://` or `postgresql://` URL. */
  readonly connectionString: string;
  /** Confine every connection to this schema (its `search_path`); see `checkPostgresSchemaName`. */
  readonly schema?: string;
}

/**
 * A pool whose connections start with `search_path` set to `schema` when one is given (sent in the start-up
 * packet, so it costs no round trip and holds on every connection the pool opens). Any `options` already in the
 * URL are kept, before it.
 *
 * @example
 * const pool = openPostgresPool({ connectionString: 'postgres://postgres@127.0.0.1:5432/test', schema: 'tollgate' });
 */
export function openPostgresPool({ connectionString, schema }: PostgresPoolOptions): pg.Pool {
  if (!isPostgresConnectionString(connectionString)) {
    throw new Error('A PostgreSQL connection string must start with postgres:// or postgresql://.');
  }
  const config = parseIntoClientConfig(connectionString);
  const options =
    schema === undefined
      ? config.options
      : [config.options, `-c search_path=${checkPostgresSchemaName(schema)}`].filter(Boolean).join(' ');
  const pool = new pg.Pool({
    ...config,
    ...(options === undefined ? {} : { options }),
    max: POSTGRES_POOL_SIZE,
    connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS,
  });
  // An idle connection that the server drops (a restart, a failover) is reported here and removed from the pool;
  // without a listener node-postgres would crash the process. The next query opens a fresh connection, and a
  // database that stays away shows up as failing queries and a false `ping()`.
  pool.on('error', () => undefined);
  return pool;
}
