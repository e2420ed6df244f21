/** Opens the deployment's SQLite store for one admin command, and always closes it. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Store } from '@tollgate/core';
import { openSqliteStoreInDataDir, SQLITE_DATABASE_FILE_NAME } from '@tollgate/store-sqlite';
import { CliError } from './cli-error.js';

export interface WithSqliteStoreOptions {
  /** Create the data directory and database when missing (only commands that add data should). */
  readonly create: boolean;
}

/**
 * Runs `work` against the migrated store in `dataDir`. Without `create`, a missing database is an error,
 * so a mistyped `--data-dir` is reported instead of silently answering from a new, empty store.
 *
 * @example
 * const users = await withSqliteStore(dataDir, { create: false }, (store) => store.users.list());
 */
export async function withSqliteStore<T>(
  dataDir: string,
  { create }: WithSqliteStoreOptions,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  if (!create && !existsSync(path.join(dataDir, SQLITE_DATABASE_FILE_NAME))) {
    throw new CliError(
      `No Tollgate database in ${dataDir}: pass --data-dir, or create a user first with \`tollgate users create NAME\`.`,
    );
  }
  const store = openSqliteStoreInDataDir(dataDir);
  try {
    await store.migrate();
    return await work(store);
  } finally {
    await store.close();
  }
}
