/** The store a gateway (and the admin CLI beside it) runs on: PostgreSQL when a database URL is set, else SQLite. */
import type { Store } from '@tollgate/core';
import { createPostgresStore } from '@tollgate/store-postgres';
import { openSqliteStoreInDataDir } from '@tollgate/store-sqlite';
import type { ServerConfig } from '../config/server-config.js';

/** Where a deployment keeps its data, as far as choosing the store goes. */
export type GatewayStoreLocation = Pick<ServerConfig, 'dataDir' | 'databaseUrl'>;

/**
 * Opens, without migrating, the PostgreSQL store at `databaseUrl` when set (every instance pointed at one database
 * shares users, tokens and the catalog), else the embedded SQLite store `tollgate.db` in `dataDir` (created when
 * missing).
 *
 * @example
 * const store = openGatewayStore({ dataDir: '/var/lib/tollgate', databaseUrl: process.env.TOLLGATE_DATABASE_URL });
 * await store.migrate();
 */
export function openGatewayStore({ dataDir, databaseUrl }: GatewayStoreLocation): Store {
  return databaseUrl === undefined
    ? openSqliteStoreInDataDir(dataDir)
    : createPostgresStore({ connectionString: databaseUrl });
}
