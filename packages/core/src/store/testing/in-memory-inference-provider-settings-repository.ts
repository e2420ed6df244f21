/**
 * An `InferenceProviderSettingsRepository` in a Map: the contract at its plainest, checked by the same conformance
 * scenarios as the real stores. For tests that route without a database; nothing is persisted.
 */
import { normalizeInferenceProviderSettings } from '../../account-settings/inference-provider-settings.js';
import type {
  InferenceProviderSettingsRecord,
  InferenceProviderSettingsRepository,
} from '../inference-provider-settings-repository.js';

/**
 * @example
 * const settings = createInMemoryInferenceProviderSettingsRepository();
 * await settings.put(user.id, { defaultPolicy: 'cheapest', providerOrder: [], disabledProviders: ['groq'] });
 */
export function createInMemoryInferenceProviderSettingsRepository(): InferenceProviderSettingsRepository {
  const records = new Map<string, InferenceProviderSettingsRecord>();
  return {
    async find(accountId) {
      return records.get(accountId);
    },
    async put(accountId, settings) {
      const record: InferenceProviderSettingsRecord = Object.freeze({
        accountId,
        ...normalizeInferenceProviderSettings(settings),
        updatedAt: new Date().toISOString(),
      });
      records.set(accountId, record);
      return record;
    },
    async delete(accountId) {
      return records.delete(accountId);
    },
  };
}
