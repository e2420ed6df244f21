/** Migration 4: measured performance and probe verdicts per (provider, provider model), and their revision counter. */
import type { PostgresMigration } from '../postgres-migration.js';

export const createProviderModelPerformance: PostgresMigration = {
  version: 4,
  name: 'create-provider-model-performance',
  sql: `
    CREATE TABLE provider_model_performance (
      provider_id TEXT NOT NULL,
      provider_model_id TEXT NOT NULL,
      -- Moving averages (core's EWMA), NULL until a sample of that kind was merged.
      first_token_latency_ms DOUBLE PRECISION,
      output_tokens_per_second DOUBLE PRECISION,
      completion_latency_ms DOUBLE PRECISION,
      sample_count BIGINT NOT NULL DEFAULT 0,
      health TEXT NOT NULL DEFAULT 'unknown' CHECK (health IN ('healthy', 'unhealthy', 'unknown')),
      supports_tools BOOLEAN,
      supports_structured_output BOOLEAN,
      last_probe_at TIMESTAMPTZ,
      last_probe_error TEXT,
      -- The instance probing this key, until when; not a measurement, so not counted by the revision.
      probe_lease_holder TEXT,
      probe_lease_until TIMESTAMPTZ,
      updated_at TIMESTAMPTZ NOT NULL,
      CONSTRAINT provider_model_performance_pkey PRIMARY KEY (provider_id, provider_model_id)
    );

    -- One row. Instances poll it to learn that a figure changed; the triggers bump it inside the writing transaction.
    CREATE TABLE performance_revision (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      revision BIGINT NOT NULL
    );
    INSERT INTO performance_revision (singleton, revision) VALUES (1, 0);

    -- SET search_path FROM CURRENT pins the schema the function was created in (see bump_catalog_revision).
    CREATE FUNCTION bump_performance_revision() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
    BEGIN
      UPDATE performance_revision SET revision = revision + 1;
      RETURN NULL;
    END
    $$;

    -- A row made by a lease claim holds no figure yet; it counts once something is merged or probed into it.
    CREATE TRIGGER provider_model_performance_inserted AFTER INSERT ON provider_model_performance
    FOR EACH ROW WHEN (NEW.sample_count > 0 OR NEW.last_probe_at IS NOT NULL)
    EXECUTE FUNCTION bump_performance_revision();
    CREATE TRIGGER provider_model_performance_updated
    AFTER UPDATE OF first_token_latency_ms, output_tokens_per_second, completion_latency_ms, sample_count, health,
      supports_tools, supports_structured_output, last_probe_at, last_probe_error
    ON provider_model_performance
    FOR EACH ROW EXECUTE FUNCTION bump_performance_revision();
  `,
};
