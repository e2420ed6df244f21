/**
 * Migration 18: the tables every billed request writes, rebuilt to touch fewer pages per commit (decision 0015).
 *
 * A WAL commit appends every page it changed to the log (two writes each), so its cost grows with the number of
 * b-trees a request touches, not with the bytes it writes. Keyed tables become WITHOUT ROWID (the key is the
 * table, not an index beside it), the open holds lose their created_at index (the table only holds requests in
 * flight, so a scan is small), a hold and its closing share one unique index, and an account's held total is
 * no longer a column of its own: it is the sum of its periods' held totals, so a hold or a closing updates one
 * balance row, not two.
 */
import type { SqliteMigration } from '../sqlite-migration.js';

export const leanLedgerTables: SqliteMigration = {
  version: 18,
  name: 'lean-ledger-tables',
  sql: `
    -- One hold and one closing (settle or release) per (request, attempt): the flag tells them apart.
    DROP INDEX ledger_entries_one_hold;
    DROP INDEX ledger_entries_one_closing;
    CREATE UNIQUE INDEX ledger_entries_one_hold_one_closing ON ledger_entries(request_id, attempt, kind = 'hold')
      WHERE kind <> 'grant';

    CREATE TABLE ledger_open_holds_lean (
      request_id TEXT NOT NULL,
      attempt INTEGER NOT NULL,
      account_id TEXT NOT NULL,
      period TEXT NOT NULL,
      amount_nano_usd INTEGER NOT NULL CHECK (amount_nano_usd >= 0),
      created_at TEXT NOT NULL,
      included_only INTEGER NOT NULL DEFAULT 0 CHECK (included_only IN (0, 1)),
      PRIMARY KEY (request_id, attempt)
    ) WITHOUT ROWID;
    INSERT INTO ledger_open_holds_lean
      SELECT request_id, attempt, account_id, period, amount_nano_usd, created_at, included_only FROM ledger_open_holds;
    DROP TABLE ledger_open_holds;
    ALTER TABLE ledger_open_holds_lean RENAME TO ledger_open_holds;

    CREATE TABLE ledger_account_balances_lean (
      account_id TEXT NOT NULL PRIMARY KEY,
      prepaid_granted_nano_usd INTEGER NOT NULL DEFAULT 0,
      prepaid_used_nano_usd INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;
    INSERT INTO ledger_account_balances_lean
      SELECT account_id, prepaid_granted_nano_usd, prepaid_used_nano_usd FROM ledger_account_balances;
    DROP TABLE ledger_account_balances;
    ALTER TABLE ledger_account_balances_lean RENAME TO ledger_account_balances;

    CREATE TABLE ledger_period_balances_lean (
      account_id TEXT NOT NULL,
      period TEXT NOT NULL,
      -- The allowance as of the latest reservation; NULL pay-as-you-go limit for none.
      included_nano_usd INTEGER NOT NULL DEFAULT 0,
      pay_as_you_go_limit_nano_usd INTEGER DEFAULT 0,
      included_used_nano_usd INTEGER NOT NULL DEFAULT 0,
      pay_as_you_go_used_nano_usd INTEGER NOT NULL DEFAULT 0,
      -- The period's open holds; an account's held total is the sum over its periods.
      held_nano_usd INTEGER NOT NULL DEFAULT 0,
      included_held_nano_usd INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (account_id, period)
    ) WITHOUT ROWID;
    INSERT INTO ledger_period_balances_lean
      SELECT account_id, period, included_nano_usd, pay_as_you_go_limit_nano_usd, included_used_nano_usd,
        pay_as_you_go_used_nano_usd, held_nano_usd, included_held_nano_usd
      FROM ledger_period_balances;
    DROP TABLE ledger_period_balances;
    ALTER TABLE ledger_period_balances_lean RENAME TO ledger_period_balances;

    CREATE TABLE ledger_checkpoints_lean (
      request_id TEXT NOT NULL,
      attempt INTEGER NOT NULL,
      cost_nano_usd INTEGER NOT NULL CHECK (cost_nano_usd >= 0),
      updated_at TEXT NOT NULL,
      request_json TEXT,
      PRIMARY KEY (request_id, attempt)
    ) WITHOUT ROWID;
    INSERT INTO ledger_checkpoints_lean
      SELECT request_id, attempt, cost_nano_usd, updated_at, request_json FROM ledger_checkpoints;
    DROP TABLE ledger_checkpoints;
    ALTER TABLE ledger_checkpoints_lean RENAME TO ledger_checkpoints;
    CREATE INDEX ledger_checkpoints_by_updated_at ON ledger_checkpoints(updated_at);

    CREATE TABLE request_records_lean (
      request_id TEXT NOT NULL PRIMARY KEY,
      account_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      token_id TEXT NOT NULL,
      billed_to_organization_id TEXT,
      provider_id TEXT,
      hf_model_id TEXT,
      provider_model_id TEXT,
      task TEXT NOT NULL,
      input_tokens INTEGER NOT NULL DEFAULT 0,
      output_tokens INTEGER NOT NULL DEFAULT 0,
      cached_input_tokens INTEGER NOT NULL DEFAULT 0,
      images INTEGER NOT NULL DEFAULT 0,
      milli_megapixels INTEGER NOT NULL DEFAULT 0,
      compute_milliseconds INTEGER NOT NULL DEFAULT 0,
      audio_milliseconds INTEGER NOT NULL DEFAULT 0,
      video_milliseconds INTEGER NOT NULL DEFAULT 0,
      cost_nano_usd INTEGER CHECK (cost_nano_usd >= 0),
      charged_nano_usd INTEGER NOT NULL CHECK (charged_nano_usd >= 0),
      billing_mode TEXT NOT NULL,
      status TEXT NOT NULL,
      http_status INTEGER NOT NULL,
      latency_ms INTEGER NOT NULL,
      streamed INTEGER NOT NULL CHECK (streamed IN (0, 1)),
      created_at TEXT NOT NULL,
      provider_cost TEXT CHECK (provider_cost IS NULL OR provider_cost IN ('pending', 'reported', 'unbilled'))
    ) WITHOUT ROWID;
    INSERT INTO request_records_lean
      SELECT request_id, account_id, user_id, token_id, billed_to_organization_id, provider_id, hf_model_id,
        provider_model_id, task, input_tokens, output_tokens, cached_input_tokens, images, milli_megapixels,
        compute_milliseconds, audio_milliseconds, video_milliseconds, cost_nano_usd, charged_nano_usd, billing_mode,
        status, http_status, latency_ms, streamed, created_at, provider_cost
      FROM request_records;
    DROP TABLE request_records;
    ALTER TABLE request_records_lean RENAME TO request_records;
    CREATE INDEX request_records_by_account_period ON request_records (account_id, created_at, request_id);
  `,
};
