/**
 * Each account's inference provider settings (default policy, provider order, disabled providers), one record per
 * account. Keyed by an account id, not a user id: today every account is a user (the id is the user's), and
 * organizations that pay for their members' requests will keep their settings under their own id. So the key
 * references no table.
 *
 * The contract below is what `runStoreConformance` checks; a store implements it exactly.
 */
import type { InferenceProviderSettings } from '../account-settings/inference-provider-settings.js';

export interface InferenceProviderSettingsRecord extends InferenceProviderSettings {
  readonly accountId: string;
  /** ISO-8601 UTC of the last `put`. */
  readonly updatedAt: string;
}

export interface InferenceProviderSettingsRepository {
  /** The account's settings, or undefined when it never saved any (it routes with the defaults). */
  find(accountId: string): Promise<InferenceProviderSettingsRecord | undefined>;
  /**
   * Replaces the account's settings as a whole, after `normalizeInferenceProviderSettings` (which throws
   * `InputError` for invalid ones, before anything is written); lists come back in the order given.
   */
  put(accountId: string, settings: InferenceProviderSettings): Promise<InferenceProviderSettingsRecord>;
  /** Forgets the account's settings (back to the defaults); false when there were none. */
  delete(accountId: string): Promise<boolean>;
}
