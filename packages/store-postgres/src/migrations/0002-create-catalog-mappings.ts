/** Migration 2: the model catalog shared by every gateway instance, and the revision counter they poll. */
import type { PostgresMigration } from '../postgres-migration.js';

export const createCatalogMappings: PostgresMigration = {
  version: 2,
  name: 'create-catalog-mappings',
  sql: `
    CREATE TABLE catalog_mappings (
      id TEXT NOT NULL,
      -- core's prepareCatalogMapping key: provider, task, and the Hub model id or the sorted tag set.
      natural_key TEXT NOT NULL,
      type TEXT NOT NULL CHECK (type IN ('single', 'tag-filter')),
      hf_model_id TEXT,
      -- Sorted and unique.
      tags TEXT[],
      provider_id TEXT NOT NULL,
      provider_model_id TEXT NOT NULL,
      task TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('live', 'staging', 'error')),
      origin TEXT NOT NULL CHECK (origin IN ('plugin', 'config', 'partner')),
      adapter TEXT CHECK (adapter IN ('lora')),
      adapter_weights_path TEXT,
      -- ModelMetadataV1. json, not jsonb: it is only ever read back whole, and json keeps it exactly as written.
      metadata JSON NOT NULL,
      created_at TIMESTAMPTZ NOT NULL,
      updated_at TIMESTAMPTZ NOT NULL,
      CONSTRAINT catalog_mappings_pkey PRIMARY KEY (id),
      CONSTRAINT catalog_mappings_natural_key_key UNIQUE (natural_key),
      CHECK ((type = 'single') = (hf_model_id IS NOT NULL)),
      CHECK ((type = 'tag-filter') = (tags IS NOT NULL))
    );

    CREATE INDEX catalog_mappings_by_provider_id ON catalog_mappings (provider_id);
    CREATE INDEX catalog_mappings_by_hf_model_id ON catalog_mappings (hf_model_id) WHERE hf_model_id IS NOT NULL;
    CREATE INDEX catalog_mappings_oldest_first ON catalog_mappings (created_at, id COLLATE "C");

    -- One row. Instances poll it to learn that the catalog changed; the trigger bumps it inside the writing
    -- transaction, so no write path can forget to, and a reader that sees the new revision sees the write.
    CREATE TABLE catalog_revision (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      revision BIGINT NOT NULL
    );
    INSERT INTO catalog_revision (singleton, revision) VALUES (1, 0);

    -- SET search_path FROM CURRENT pins the schema the function was created in, so a session with another
    -- search_path (an operator's psql) still bumps this deployment's counter.
    CREATE FUNCTION bump_catalog_revision() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
    BEGIN
      UPDATE catalog_revision SET revision = revision + 1;
      RETURN NULL;
    END
    $$;

    -- Per row, not per statement: an UPDATE or DELETE that matches nothing must leave the revision as it is.
    CREATE TRIGGER catalog_mappings_changed AFTER INSERT OR UPDATE OR DELETE ON catalog_mappings
    FOR EACH ROW EXECUTE FUNCTION bump_catalog_revision();
  `,
};
