/** The inference_provider_settings table behind the `InferenceProviderSettingsRepository` interface. */
import {
  type InferenceProviderSettingsRecord,
  type InferenceProviderSettingsRepository,
  normalizeInferenceProviderSettings,
  type RoutingPolicy,
} from '@tollgate/core';
import type Database from 'better-sqlite3';
import { prepareOnce } from './prepare-once.js';

interface SettingsRow {
  readonly account_id: string;
  readonly default_policy: RoutingPolicy;
  readonly provider_order: string;
  readonly disabled_providers: string;
  readonly updated_at: string;
}

/**
 * An `InferenceProviderSettingsRepository` over a migrated SQLite connection; provider lists are stored as JSON.
 *
 * @example
 * const settings = createSqliteInferenceProviderSettingsRepository(database);
 * await settings.put(user.id, { defaultPolicy: 'cheapest', providerOrder: ['groq'], disabledProviders: [] });
 */
export function createSqliteInferenceProviderSettingsRepository(
  database: Database.Database,
): InferenceProviderSettingsRepository {
  const selectOne = prepareOnce<[string], SettingsRow>(
    database,
    'SELECT account_id, default_policy, provider_order, disabled_providers, updated_at FROM inference_provider_settings WHERE account_id = ?',
  );
  const upsert = prepareOnce<[string, string, string, string, string], unknown>(
    database,
    `INSERT INTO inference_provider_settings (account_id, default_policy, provider_order, disabled_providers, updated_at)
     VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (account_id) DO UPDATE SET
       default_policy = excluded.default_policy,
       provider_order = excluded.provider_order,
       disabled_providers = excluded.disabled_providers,
       updated_at = excluded.updated_at`,
  );
  const deleteOne = prepareOnce<[string], unknown>(
    database,
    'DELETE FROM inference_provider_settings WHERE account_id = ?',
  );

  return {
    async find(accountId) {
      const row = selectOne().get(accountId);
      return row === undefined ? undefined : toRecord(row);
    },
    async put(accountId, input) {
      const settings = normalizeInferenceProviderSettings(input);
      const record: InferenceProviderSettingsRecord = {
        accountId,
        ...settings,
        updatedAt: new Date().toISOString(),
      };
      upsert().run(
        accountId,
        settings.defaultPolicy,
        JSON.stringify(settings.providerOrder),
        JSON.stringify(settings.disabledProviders),
        record.updatedAt,
      );
      return record;
    },
    async delete(accountId) {
      return deleteOne().run(accountId).changes > 0;
    },
  };
}

function toRecord(row: SettingsRow): InferenceProviderSettingsRecord {
  return {
    accountId: row.account_id,
    defaultPolicy: row.default_policy,
    providerOrder: JSON.parse(row.provider_order) as string[],
    disabledProviders: JSON.parse(row.disabled_providers) as string[],
    updatedAt: row.updated_at,
  };
}
