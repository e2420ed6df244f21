/** The inference_provider_settings table behind the `InferenceProviderSettingsRepository` interface. */
import {
  type InferenceProviderSettingsRecord,
  type InferenceProviderSettingsRepository,
  normalizeInferenceProviderSettings,
  type RoutingPolicy,
} from '@tollgate/core';
import type pg from 'pg';

interface SettingsRow {
  readonly account_id: string;
  readonly default_policy: RoutingPolicy;
  readonly provider_order: string[];
  readonly disabled_providers: string[];
  readonly updated_at: Date;
}

/**
 * An `InferenceProviderSettingsRepository` over a migrated PostgreSQL pool; a `put` is one atomic upsert, so
 * instances writing the same account at once leave one whole record, never a mix. Statements are named, so each
 * connection prepares them once.
 *
 * @example
 * const settings = createPostgresInferenceProviderSettingsRepository(pool);
 * await settings.put(user.id, { defaultPolicy: 'cheapest', providerOrder: ['groq'], disabledProviders: [] });
 */
export function createPostgresInferenceProviderSettingsRepository(
  pool: pg.Pool,
): InferenceProviderSettingsRepository {
  return {
    async find(accountId) {
      const { rows } = await pool.query<SettingsRow>({
        name: 'tollgate-inference-provider-settings-find',
        text: 'SELECT account_id, default_policy, provider_order, disabled_providers, updated_at FROM inference_provider_settings WHERE account_id = $1',
        values: [accountId],
      });
      return rows[0] === undefined ? undefined : toRecord(rows[0]);
    },
    async put(accountId, input) {
      const settings = normalizeInferenceProviderSettings(input);
      const updatedAt = new Date().toISOString();
      await pool.query({
        name: 'tollgate-inference-provider-settings-put',
        text: `INSERT INTO inference_provider_settings (account_id, default_policy, provider_order, disabled_providers, updated_at)
               VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (account_id) DO UPDATE SET
                 default_policy = EXCLUDED.default_policy,
                 provider_order = EXCLUDED.provider_order,
                 disabled_providers = EXCLUDED.disabled_providers,
                 updated_at = EXCLUDED.updated_at`,
        values: [
          accountId,
          settings.defaultPolicy,
          settings.providerOrder,
          settings.disabledProviders,
          updatedAt,
        ],
      });
      return { accountId, ...settings, updatedAt };
    },
    async delete(accountId) {
      const { rowCount } = await pool.query({
        name: 'tollgate-inference-provider-settings-delete',
        text: 'DELETE FROM inference_provider_settings WHERE account_id = $1',
        values: [accountId],
      });
      return (rowCount ?? 0) > 0;
    },
  };
}

function toRecord(row: SettingsRow): InferenceProviderSettingsRecord {
  return {
    accountId: row.account_id,
    defaultPolicy: row.default_policy,
    providerOrder: row.provider_order,
    disabledProviders: row.disabled_providers,
    updatedAt: row.updated_at.toISOString(),
  };
}
