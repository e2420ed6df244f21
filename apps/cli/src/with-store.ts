/** Opens the deployment's store (PostgreSQL or SQLite) for one admin command, and always closes it. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Store } from '@tollgate/core';
import { type GatewayStoreLocation, openGatewayStore } from '@tollgate/server';
import { SQLITE_DATABASE_FILE_NAME } from '@tollgate/store-sqlite';
import { CliError } from './cli-error.js';

export interface WithStoreOptions {
  /** Create the SQLite data directory and database when missing (only commands that add data should). */
  readonly create: boolean;
}

/**
 * Runs `work` against the migrated store at `location`: the PostgreSQL database when it has a `databaseUrl`, else
 * SQLite in its `dataDir`. Without `create`, a missing SQLite database is an error, so a mistyped `--data-dir` is
 * reported instead of silently answering from a new, empty store; a PostgreSQL database is the operator's to
 * create, and a wrong URL fails to connect.
 *
 * @example
 * const users = await withStore(location, { create: false }, (store) => store.users.list());
 */
export async function withStore<T>(
  location: GatewayStoreLocation,
  { create }: WithStoreOptions,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  const { dataDir, databaseUrl } = location;
  if (databaseUrl === undefined && !create && !existsSync(path.join(dataDir, SQLITE_DATABASE_FILE_NAME))) {
    throw new CliError(
      `No Tollgate database in ${dataDir}: pass --data-dir or --database-url, or create a user first with \`tollgate users create NAME\`.`,
    );
  }
  const store = openGatewayStore(location);
  try {
    await store.migrate();
    return await work(store);
  } finally {
    await store.close();
  }
}
