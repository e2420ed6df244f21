/** Migration 5: each account's inference provider settings (default policy, provider order, disabled providers). */
import type { PostgresMigration } from '../postgres-migration.js';

export const createInferenceProviderSettings: PostgresMigration = {
  version: 5,
  name: 'create-inference-provider-settings',
  sql: `
    -- Keyed by account id, which is a user's id today and an organization's later: it references no table.
    CREATE TABLE inference_provider_settings (
      account_id TEXT NOT NULL,
      default_policy TEXT NOT NULL CHECK (default_policy IN ('fastest', 'cheapest', 'preferred')),
      -- Provider ids in the order given (arrays keep order).
      provider_order TEXT[] NOT NULL,
      disabled_providers TEXT[] NOT NULL,
      updated_at TIMESTAMPTZ NOT NULL,
      CONSTRAINT inference_provider_settings_pkey PRIMARY KEY (account_id)
    );
  `,
};
