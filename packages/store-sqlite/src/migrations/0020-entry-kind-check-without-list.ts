/**
 * Migration 20: `ledger_entries` rebuilt with its `kind` CHECK written as equalities instead of an IN list
 * (decision 0015). SQLite evaluates `kind IN ('hold', 'settle', 'release', 'grant')` by building an ephemeral
 * b-tree of the four names on every insert (lists of more than two constants are looked up, not compared): a
 * temporary database opened and closed inside each closing's insert, about a quarter of that insert's cost. The
 * equalities accept exactly the same rows (NULL passes both forms, and the column is NOT NULL anyway).
 *
 * The rows are copied as they are, sequences included; the indexes are created again as migrations 7 and 18 left
 * them.
 */
import type { SqliteMigration } from '../sqlite-migration.js';

export const entryKindCheckWithoutList: SqliteMigration = {
  version: 20,
  name: 'entry-kind-check-without-list',
  sql: `
    CREATE TABLE ledger_entries_checked (
      sequence INTEGER PRIMARY KEY,
      account_id TEXT NOT NULL,
      period TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind = 'hold' OR kind = 'settle' OR kind = 'release' OR kind = 'grant'),
      request_id TEXT NOT NULL,
      attempt INTEGER NOT NULL,
      amount_nano_usd INTEGER NOT NULL CHECK (amount_nano_usd >= 0),
      cost_nano_usd INTEGER CHECK (cost_nano_usd >= 0),
      included_nano_usd INTEGER NOT NULL DEFAULT 0 CHECK (included_nano_usd >= 0),
      prepaid_nano_usd INTEGER NOT NULL DEFAULT 0 CHECK (prepaid_nano_usd >= 0),
      pay_as_you_go_nano_usd INTEGER NOT NULL DEFAULT 0 CHECK (pay_as_you_go_nano_usd >= 0),
      created_at TEXT NOT NULL,
      included_only INTEGER NOT NULL DEFAULT 0 CHECK (included_only IN (0, 1)),
      hold_sequence INTEGER,
      hold_amount_nano_usd INTEGER CHECK (hold_amount_nano_usd >= 0),
      hold_created_at TEXT
    );
    INSERT INTO ledger_entries_checked
      SELECT sequence, account_id, period, kind, request_id, attempt, amount_nano_usd, cost_nano_usd,
        included_nano_usd, prepaid_nano_usd, pay_as_you_go_nano_usd, created_at, included_only, hold_sequence,
        hold_amount_nano_usd, hold_created_at
      FROM ledger_entries ORDER BY sequence;
    DROP TABLE ledger_entries;
    ALTER TABLE ledger_entries_checked RENAME TO ledger_entries;
    CREATE UNIQUE INDEX ledger_entries_one_hold_one_closing ON ledger_entries(request_id, attempt, kind = 'hold')
      WHERE kind <> 'grant';
    CREATE UNIQUE INDEX ledger_entries_one_grant ON ledger_entries(request_id) WHERE kind = 'grant';
    CREATE INDEX ledger_entries_by_account ON ledger_entries(account_id, sequence);
  `,
};
