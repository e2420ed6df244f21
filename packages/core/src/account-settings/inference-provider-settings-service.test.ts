import { describe, expect, it } from 'vitest';
import type { InferenceProviderSettingsRepository } from '../store/inference-provider-settings-repository.js';
import { createInMemoryInferenceProviderSettingsRepository } from '../store/testing/in-memory-inference-provider-settings-repository.js';
import { DEFAULT_INFERENCE_PROVIDER_SETTINGS } from './inference-provider-settings.js';
import { InferenceProviderSettingsService } from './inference-provider-settings-service.js';

/** The in-memory repository, counting reads and failing them on demand. */
function countingRepository() {
  const inner = createInMemoryInferenceProviderSettingsRepository();
  const state = { reads: 0, failing: false };
  const repository: InferenceProviderSettingsRepository = {
    ...inner,
    async find(accountId) {
      state.reads += 1;
      if (state.failing) throw new Error('store down');
      return inner.find(accountId);
    },
  };
  return { repository, inner, state };
}

const cheapest = {
  defaultPolicy: 'cheapest',
  providerOrder: ['groq'],
  disabledProviders: ['together'],
} as const;

function serviceWith(repository: InferenceProviderSettingsRepository) {
  const clock = { now: 0 };
  const warnings: string[] = [];
  const service = new InferenceProviderSettingsService({
    repository,
    cacheTtlMs: 1_000,
    now: () => clock.now,
    logger: {
      debug() {},
      info() {},
      warn: (_object, message) => warnings.push(message ?? ''),
      error() {},
    },
  });
  return { service, clock, warnings };
}

describe('InferenceProviderSettingsService', () => {
  it('answers the defaults for an account that saved nothing', async () => {
    const { repository } = countingRepository();
    const { service } = serviceWith(repository);
    expect(await service.forAccount('a')).toEqual(DEFAULT_INFERENCE_PROVIDER_SETTINGS);
  });

  it('reads the store once per account and time-to-live, however many requests ask', async () => {
    const { repository, inner, state } = countingRepository();
    await inner.put('a', cheapest);
    const { service, clock } = serviceWith(repository);

    const answers = await Promise.all([
      service.forAccount('a'),
      service.forAccount('a'),
      service.forAccount('a'),
    ]);
    expect(answers.every((settings) => settings.defaultPolicy === 'cheapest')).toBe(true);
    clock.now = 999;
    await service.forAccount('a');
    expect(state.reads).toBe(1);

    clock.now = 1_000;
    await inner.put('a', { ...cheapest, defaultPolicy: 'preferred' });
    expect((await service.forAccount('a')).defaultPolicy).toBe('preferred');
    expect(state.reads).toBe(2);
  });

  it('routes with its own writes at once, without reading them back', async () => {
    const { repository, state } = countingRepository();
    const { service } = serviceWith(repository);
    await service.forAccount('a');

    const saved = await service.save('a', cheapest);
    expect(saved).toMatchObject({ accountId: 'a', ...cheapest });
    expect(await service.forAccount('a')).toEqual(cheapest);
    await service.reset('a');
    expect(await service.forAccount('a')).toEqual(DEFAULT_INFERENCE_PROVIDER_SETTINGS);
    expect(await service.find('a')).toBeUndefined();
    expect(state.reads).toBe(2);
  });

  it('keeps a read that started before a write from putting the old settings back', async () => {
    const { repository, inner } = countingRepository();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: InferenceProviderSettingsRepository = {
      ...repository,
      async find(accountId) {
        const found = await inner.find(accountId);
        await gate;
        return found;
      },
    };
    const { service } = serviceWith(slow);
    const reading = service.forAccount('a');
    await service.save('a', cheapest);
    release();
    expect(await reading).toEqual(DEFAULT_INFERENCE_PROVIDER_SETTINGS);
    expect(await service.forAccount('a')).toEqual(cheapest);
  });

  it('keeps using the last copy when the store fails, and fails without one', async () => {
    const { repository, inner, state } = countingRepository();
    await inner.put('a', cheapest);
    const { service, clock, warnings } = serviceWith(repository);
    await service.forAccount('a');

    state.failing = true;
    clock.now = 5_000;
    expect(await service.forAccount('a')).toEqual(cheapest);
    expect(warnings).toEqual(['Reading inference provider settings failed; routing with the last copy']);
    await expect(service.forAccount('b')).rejects.toThrow('store down');
  });
});
