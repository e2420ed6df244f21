/** Migration 12: what the crash reconciler reads beside the ledger: checkpointed costs and named leases. */
import type { PostgresMigration } from '../postgres-migration.js';

export const createLedgerRecovery: PostgresMigration = {
  version: 12,
  name: 'create-ledger-recovery',
  sql: `
    -- Not ledger entries: the cost a running request had reached, so a crash is settled at it (decision 0020).
    CREATE TABLE ledger_checkpoints (
      request_id TEXT NOT NULL,
      attempt INTEGER NOT NULL,
      cost_nano_usd BIGINT NOT NULL CHECK (cost_nano_usd >= 0),
      updated_at TIMESTAMPTZ NOT NULL,
      PRIMARY KEY (request_id, attempt)
    );
    CREATE INDEX ledger_checkpoints_by_updated_at ON ledger_checkpoints(updated_at);

    CREATE TABLE leases (
      name TEXT PRIMARY KEY,
      holder TEXT NOT NULL,
      lease_until TIMESTAMPTZ NOT NULL
    );
  `,
};
