/** Migration 12: what the crash reconciler reads beside the ledger: checkpointed costs and named leases. */
import type { SqliteMigration } from '../sqlite-migration.js';

export const createLedgerRecovery: SqliteMigration = {
  version: 12,
  name: 'create-ledger-recovery',
  sql: `
    -- Not ledger entries: the cost a running request had reached, so a crash is settled at it (decision 0020).
    CREATE TABLE ledger_checkpoints (
      request_id TEXT NOT NULL,
      attempt INTEGER NOT NULL,
      cost_nano_usd INTEGER NOT NULL CHECK (cost_nano_usd >= 0),
      updated_at TEXT NOT NULL,
      PRIMARY KEY (request_id, attempt)
    );
    CREATE INDEX ledger_checkpoints_by_updated_at ON ledger_checkpoints(updated_at);

    CREATE TABLE leases (
      name TEXT PRIMARY KEY,
      holder TEXT NOT NULL,
      lease_until TEXT NOT NULL
    );
  `,
};
