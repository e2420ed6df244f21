/** Migration 14: requests waiting for their provider's reported cost, and each record's provider cost state. */
import type { PostgresMigration } from '../postgres-migration.js';

export const createPendingProviderCosts: PostgresMigration = {
  version: 14,
  name: 'create-pending-provider-costs',
  sql: `
    -- Not ledger entries: which open hold waits for which provider request id's cost, until when (decision 0021).
    CREATE TABLE pending_provider_costs (
      request_id TEXT NOT NULL,
      attempt INTEGER NOT NULL,
      provider_id TEXT NOT NULL,
      provider_request_id TEXT NOT NULL,
      placeholder_cost_nano_usd BIGINT NOT NULL CHECK (placeholder_cost_nano_usd >= 0),
      created_at TIMESTAMPTZ NOT NULL,
      ask_after TIMESTAMPTZ NOT NULL,
      deadline TIMESTAMPTZ NOT NULL,
      PRIMARY KEY (request_id, attempt)
    );
    CREATE INDEX pending_provider_costs_by_ask_after ON pending_provider_costs(ask_after, request_id, attempt);

    ALTER TABLE request_records ADD COLUMN provider_cost TEXT
      CHECK (provider_cost IS NULL OR provider_cost IN ('pending', 'reported', 'unbilled'));
  `,
};
