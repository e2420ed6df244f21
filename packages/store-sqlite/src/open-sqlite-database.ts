/** Opens a better-sqlite3 connection with the settings every Tollgate store connection uses. */
import Database from 'better-sqlite3';
import { enableWalMode } from './enable-wal-mode.js';

/** How long a connection waits for another connection's write lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * Pages the write-ahead log may hold before a commit copies them into the database (SQLite's default is 1000). The
 * checkpoint runs inside the commit that crosses the threshold, on the event loop, and syncs the log and the file;
 * the ledger's balance rows and the tables' last pages are rewritten by nearly every commit, so a longer log copies
 * each of them once for many more requests. The log file grows to about this many pages (40 MiB) and is reused.
 */
export const SQLITE_WAL_AUTOCHECKPOINT_PAGES = 10_000;

/**
 * Opens (creating if needed) the database at `filename`, or an in-memory one for `':memory:'`, in WAL
 * mode with foreign keys enforced.
 *
 * @example
 * const database = openSqliteDatabase('/var/lib/tollgate/tollgate.db');
 */
export function openSqliteDatabase(filename: string): Database.Database {
  const database = new Database(filename, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    database.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    // WAL lets readers run while one writer writes; NORMAL sync is durable across application crashes in WAL.
    enableWalMode(database, SQLITE_BUSY_TIMEOUT_MS);
    database.pragma('synchronous = NORMAL');
    database.pragma(`wal_autocheckpoint = ${SQLITE_WAL_AUTOCHECKPOINT_PAGES}`);
    database.pragma('foreign_keys = ON');
  } catch (error) {
    database.close();
    throw error;
  }
  return database;
}
