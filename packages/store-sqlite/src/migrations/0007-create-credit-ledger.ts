/** Migration 7: the credit ledger (append-only entries) and the balances materialized from it. */
import type { SqliteMigration } from '../sqlite-migration.js';

// Amounts are integer nano-USD. Account ids are user or organization ids; like the settings, they reference no table,
// so a ledger outlives the account it billed.
export const createCreditLedger: SqliteMigration = {
  version: 7,
  name: 'create-credit-ledger',
  sql: `
    -- Entries are never deleted, so the rowid alone only grows; AUTOINCREMENT would add nothing but a table.
    CREATE TABLE ledger_entries (
      sequence INTEGER PRIMARY KEY,
      account_id TEXT NOT NULL,
      period TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('hold', 'settle', 'release', 'grant')),
      request_id TEXT NOT NULL,
      attempt INTEGER NOT NULL,
      amount_nano_usd INTEGER NOT NULL CHECK (amount_nano_usd >= 0),
      cost_nano_usd INTEGER CHECK (cost_nano_usd >= 0),
      included_nano_usd INTEGER NOT NULL DEFAULT 0 CHECK (included_nano_usd >= 0),
      prepaid_nano_usd INTEGER NOT NULL DEFAULT 0 CHECK (prepaid_nano_usd >= 0),
      pay_as_you_go_nano_usd INTEGER NOT NULL DEFAULT 0 CHECK (pay_as_you_go_nano_usd >= 0),
      created_at TEXT NOT NULL
    );

    -- Idempotence, enforced by the database: one hold per (request, attempt), one closing of it, one grant per id.
    CREATE UNIQUE INDEX ledger_entries_one_hold ON ledger_entries(request_id, attempt) WHERE kind = 'hold';
    CREATE UNIQUE INDEX ledger_entries_one_closing ON ledger_entries(request_id, attempt)
      WHERE kind IN ('settle', 'release');
    CREATE UNIQUE INDEX ledger_entries_one_grant ON ledger_entries(request_id) WHERE kind = 'grant';
    CREATE INDEX ledger_entries_by_account ON ledger_entries(account_id, sequence);

    -- Materialized from the entries, in the same transaction as each entry.
    CREATE TABLE ledger_open_holds (
      request_id TEXT NOT NULL,
      attempt INTEGER NOT NULL,
      account_id TEXT NOT NULL,
      period TEXT NOT NULL,
      amount_nano_usd INTEGER NOT NULL CHECK (amount_nano_usd >= 0),
      created_at TEXT NOT NULL,
      PRIMARY KEY (request_id, attempt)
    );
    CREATE INDEX ledger_open_holds_by_created_at ON ledger_open_holds(created_at);

    CREATE TABLE ledger_account_balances (
      account_id TEXT PRIMARY KEY,
      prepaid_granted_nano_usd INTEGER NOT NULL DEFAULT 0,
      prepaid_used_nano_usd INTEGER NOT NULL DEFAULT 0,
      held_nano_usd INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE ledger_period_balances (
      account_id TEXT NOT NULL,
      period TEXT NOT NULL,
      -- The allowance as of the latest reservation; NULL pay-as-you-go limit for none.
      included_nano_usd INTEGER NOT NULL DEFAULT 0,
      pay_as_you_go_limit_nano_usd INTEGER DEFAULT 0,
      included_used_nano_usd INTEGER NOT NULL DEFAULT 0,
      pay_as_you_go_used_nano_usd INTEGER NOT NULL DEFAULT 0,
      held_nano_usd INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (account_id, period)
    );
  `,
};
