/** Conformance scenarios for `Store#inferenceProviderSettings`. */
import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import type { InferenceProviderSettings } from '../../account-settings/inference-provider-settings.js';
import type { InferenceProviderSettingsRepository } from '../inference-provider-settings-repository.js';
import { expectIsoUtcTimestamp } from './store-conformance-fixtures.js';

const accountId = '5b0c8a52-8f0e-4a57-9f3b-2f1d6f0c1a11';
const otherAccountId = '9d4e1c2b-3a5f-4b6c-8d7e-0f1a2b3c4d5e';

const sample: InferenceProviderSettings = {
  defaultPolicy: 'cheapest',
  providerOrder: ['together', 'groq', 'fal-ai'],
  disabledProviders: ['hf-inference'],
};

/** Registers the settings repository scenarios against the repository `current()` returns. */
export function describeInferenceProviderSettingsRepositoryConformance(
  current: () => InferenceProviderSettingsRepository,
): void {
  describe('inference provider settings', () => {
    it('finds nothing for an account that never saved settings', async () => {
      expect(await current().find(accountId)).toBeUndefined();
    });

    it('stores settings per account and reads them back in the order given', async () => {
      const before = Date.now();
      const saved = await current().put(accountId, sample);
      const after = Date.now();

      expect(saved).toEqual({ accountId, ...sample, updatedAt: saved.updatedAt });
      expectIsoUtcTimestamp(saved.updatedAt);
      expect(Date.parse(saved.updatedAt)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(saved.updatedAt)).toBeLessThanOrEqual(after);
      expect(await current().find(accountId)).toEqual(saved);
      expect(await current().find(otherAccountId)).toBeUndefined();
    });

    it('replaces the whole record on every put', async () => {
      await current().put(accountId, sample);
      const replaced = await current().put(accountId, {
        defaultPolicy: 'preferred',
        providerOrder: [],
        disabledProviders: ['groq', 'together'],
      });

      expect(replaced).toMatchObject({
        defaultPolicy: 'preferred',
        providerOrder: [],
        disabledProviders: ['groq', 'together'],
      });
      expect(await current().find(accountId)).toEqual(replaced);
    });

    it('keeps the first place of a provider named twice', async () => {
      const saved = await current().put(accountId, {
        defaultPolicy: 'fastest',
        providerOrder: ['groq', 'together', 'groq'],
        disabledProviders: ['x', 'x'],
      });

      expect(saved.providerOrder).toEqual(['groq', 'together']);
      expect(saved.disabledProviders).toEqual(['x']);
    });

    it('refuses invalid settings with an InputError and writes nothing', async () => {
      await current().put(accountId, sample);
      const invalid = [
        { ...sample, defaultPolicy: 'slowest' },
        { ...sample, providerOrder: ['Groq'] },
        { ...sample, disabledProviders: [''] },
        { ...sample, providerOrder: 'groq' },
      ] as unknown as InferenceProviderSettings[];
      for (const settings of invalid) {
        const error = await current()
          .put(accountId, settings)
          .catch((caught: unknown) => caught);
        expect(InputError.isInstance(error)).toBe(true);
      }
      expect(await current().find(accountId)).toMatchObject(sample);
    });

    it('deletes an account’s settings, and says whether there were any', async () => {
      await current().put(accountId, sample);
      await current().put(otherAccountId, sample);

      expect(await current().delete(accountId)).toBe(true);
      expect(await current().delete(accountId)).toBe(false);
      expect(await current().find(accountId)).toBeUndefined();
      expect(await current().find(otherAccountId)).toMatchObject(sample);
    });
  });
}
