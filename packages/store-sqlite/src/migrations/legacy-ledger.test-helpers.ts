import { migrateSqliteDatabase } from '../migrate-sqlite-database.js';
import { openSqliteDatabase } from '../open-sqlite-database.js';
import type { SqliteMigration } from '../sqlite-migration.js';
import { sqliteMigrations } from './sqlite-migrations.js';

export const LEGACY_ACCOUNT = 'acct-1';
export const LEGACY_PERIOD = '2026-11';
export const LEGACY_AT = '2026-11-02T00:00:00.000Z';

/**
 * A ledger as the migrations before 19 wrote it, every hold an entry row: $1 granted, a hold of $0.30 settled at
 * $0.20 from prepaid credit, and a hold of $0.05 still open. The account's balance row differs between schemas, so
 * the caller writes it.
 */
export function insertLegacyLedger(database: ReturnType<typeof openSqliteDatabase>): void {
  const entry = database.prepare(
    `INSERT INTO ledger_entries (account_id, period, kind, request_id, attempt, amount_nano_usd, cost_nano_usd,
       included_nano_usd, prepaid_nano_usd, pay_as_you_go_nano_usd, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const [account, period, at] = [LEGACY_ACCOUNT, LEGACY_PERIOD, LEGACY_AT];
  entry.run(account, period, 'grant', 'grant-1', 0, 1_000_000_000, null, 0, 0, 0, at);
  entry.run(account, period, 'hold', 'done', 1, 300_000_000, null, 0, 0, 0, at);
  entry.run(account, period, 'settle', 'done', 1, 200_000_000, 200_000_000, 0, 200_000_000, 0, at);
  entry.run(account, period, 'hold', 'open', 1, 50_000_000, null, 0, 0, 0, at);
  database
    .prepare(
      `INSERT INTO ledger_open_holds (request_id, attempt, account_id, period, amount_nano_usd, created_at)
       VALUES ('open', 1, ?, ?, 50000000, ?)`,
    )
    .run(account, period, at);
  database
    .prepare(
      `INSERT INTO ledger_period_balances (account_id, period, included_nano_usd, pay_as_you_go_limit_nano_usd,
         held_nano_usd) VALUES (?, ?, 0, 0, 50000000)`,
    )
    .run(account, period);
}

/**
 * An in-memory database migrated up to just before `migration`, given rows by `seed` in that schema, then migrated
 * to the latest: what a store written before `migration` sees once it is upgraded.
 *
 * @example
 * const database = upgradedFrom(holdsWrittenOnce, insertLegacyLedger);
 */
export function upgradedFrom(
  migration: SqliteMigration,
  seed: (database: ReturnType<typeof openSqliteDatabase>) => void,
): ReturnType<typeof openSqliteDatabase> {
  const database = openSqliteDatabase(':memory:');
  migrateSqliteDatabase(
    database,
    sqliteMigrations.filter((earlier) => earlier.version < migration.version),
  );
  seed(database);
  migrateSqliteDatabase(database);
  return database;
}
