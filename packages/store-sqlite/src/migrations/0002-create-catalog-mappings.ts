/** Migration 2: the model catalog shared by every gateway instance, and the revision counter they poll. */
import type { SqliteMigration } from '../sqlite-migration.js';

export const createCatalogMappings: SqliteMigration = {
  version: 2,
  name: 'create-catalog-mappings',
  sql: `
    CREATE TABLE catalog_mappings (
      id TEXT PRIMARY KEY,
      -- core's prepareCatalogMapping key: provider, task, and the Hub model id or the sorted tag set.
      natural_key TEXT UNIQUE NOT NULL,
      type TEXT NOT NULL CHECK (type IN ('single', 'tag-filter')),
      hf_model_id TEXT,
      -- A JSON array of strings, sorted and unique.
      tags TEXT,
      provider_id TEXT NOT NULL,
      provider_model_id TEXT NOT NULL,
      task TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('live', 'staging', 'error')),
      origin TEXT NOT NULL CHECK (origin IN ('plugin', 'config', 'partner')),
      adapter TEXT CHECK (adapter IN ('lora')),
      adapter_weights_path TEXT,
      -- A JSON object (ModelMetadataV1).
      metadata TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((type = 'single') = (hf_model_id IS NOT NULL)),
      CHECK ((type = 'tag-filter') = (tags IS NOT NULL))
    );

    CREATE INDEX catalog_mappings_by_provider_id ON catalog_mappings(provider_id);
    CREATE INDEX catalog_mappings_by_hf_model_id ON catalog_mappings(hf_model_id) WHERE hf_model_id IS NOT NULL;
    CREATE INDEX catalog_mappings_oldest_first ON catalog_mappings(created_at, id);

    -- One row. Instances poll it to learn that the catalog changed; the triggers bump it inside the writing
    -- transaction, so no write path can forget to.
    CREATE TABLE catalog_revision (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      revision INTEGER NOT NULL
    );
    INSERT INTO catalog_revision (singleton, revision) VALUES (1, 0);

    CREATE TRIGGER catalog_mappings_inserted AFTER INSERT ON catalog_mappings
    BEGIN
      UPDATE catalog_revision SET revision = revision + 1;
    END;
    CREATE TRIGGER catalog_mappings_updated AFTER UPDATE ON catalog_mappings
    BEGIN
      UPDATE catalog_revision SET revision = revision + 1;
    END;
    CREATE TRIGGER catalog_mappings_deleted AFTER DELETE ON catalog_mappings
    BEGIN
      UPDATE catalog_revision SET revision = revision + 1;
    END;
  `,
};
