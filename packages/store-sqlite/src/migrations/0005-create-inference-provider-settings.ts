/** Migration 5: each account's inference provider settings (default policy, provider order, disabled providers). */
import type { SqliteMigration } from '../sqlite-migration.js';

export const createInferenceProviderSettings: SqliteMigration = {
  version: 5,
  name: 'create-inference-provider-settings',
  sql: `
    -- Keyed by account id, which is a user's id today and an organization's later: it references no table.
    CREATE TABLE inference_provider_settings (
      account_id TEXT PRIMARY KEY,
      default_policy TEXT NOT NULL CHECK (default_policy IN ('fastest', 'cheapest', 'preferred')),
      -- JSON arrays of provider ids, in the order given.
      provider_order TEXT NOT NULL,
      disabled_providers TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `,
};
