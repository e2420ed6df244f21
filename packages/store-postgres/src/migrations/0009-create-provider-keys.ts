/** Migration 9: users' and organizations' own provider keys, sealed (AES-256-GCM) under the gateway's master key. */
import type { PostgresMigration } from '../postgres-migration.js';

export const createProviderKeys: PostgresMigration = {
  version: 9,
  name: 'create-provider-keys',
  sql: `
    -- account_id is a user's or an organization's id, so it references no table. Only the sealed key is kept:
    -- ciphertext, IV and tag, the id of the master key that sealed it, and the key's last characters for listings.
    CREATE TABLE provider_keys (
      account_id TEXT NOT NULL,
      provider_id TEXT NOT NULL,
      master_key_id TEXT NOT NULL,
      iv BYTEA NOT NULL,
      ciphertext BYTEA NOT NULL,
      tag BYTEA NOT NULL,
      display_suffix TEXT NOT NULL,
      created_at TIMESTAMPTZ NOT NULL,
      updated_at TIMESTAMPTZ NOT NULL,
      CONSTRAINT provider_keys_pkey PRIMARY KEY (account_id, provider_id)
    );
  `,
};
