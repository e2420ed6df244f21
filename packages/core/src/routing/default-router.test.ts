import { RoutingError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { seededSnapshot } from '../catalog/catalog-snapshot.test-helpers.js';
import { makePlugin } from '../plugin-builders.test-helpers.js';
import { RateTablePricingService } from '../pricing/pricing-service.js';
import { ProviderRegistry } from '../registry/provider-registry.js';
import type { ProvidersConfig } from '../settings/provider-config.js';
import { resolveProviderRuntimeSettings } from '../settings/provider-runtime-settings.js';
import { DefaultRouter } from './default-router.js';

const llama = 'meta-llama/Llama-3.3-70B-Instruct';
const principal = { userId: 'u', userName: 'ada', tokenId: 't' };

function routerWith(env: Record<string, string>, providers: ProvidersConfig = {}) {
  const registry = new ProviderRegistry();
  registry.add(
    makePlugin('alpha', [{ hfModelId: llama, providerModelId: 'alpha-llama' }], {
      'alpha-llama': { inputPerMillionTokens: '1', outputPerMillionTokens: '3' },
    }),
  );
  registry.add(
    makePlugin('beta', [{ hfModelId: llama, providerModelId: 'beta-llama' }], {
      'beta-llama': { inputPerMillionTokens: '2', outputPerMillionTokens: '1' },
    }),
  );
  registry.add(
    makePlugin('gamma', [
      { hfModelId: llama, providerModelId: 'gamma-llama', status: 'staging' },
      { hfModelId: 'other/model', providerModelId: 'o' },
    ]),
  );
  const settings = new Map(
    registry.list().map(({ plugin }) => [plugin.id, resolveProviderRuntimeSettings(plugin, providers, env)]),
  );
  const catalog = seededSnapshot(registry, providers);
  return new DefaultRouter(registry, catalog, new RateTablePricingService(registry, providers), settings);
}

const allKeys = { ALPHA_API_KEY: 'a', BETA_API_KEY: 'b', GAMMA_API_KEY: 'g' };
const providersOf = (plan: ReturnType<DefaultRouter['plan']>) =>
  plan.candidates.map((candidate) => candidate.entry.providerId);

describe('DefaultRouter', () => {
  it('offers every available live mapping, in registration order, by default', () => {
    const plan = routerWith(allKeys).plan({ model: llama, task: 'conversational', principal });
    expect(plan).toMatchObject({ hfModelId: llama, pinned: false });
    expect(providersOf(plan)).toEqual(['alpha', 'beta']);
  });

  it('orders by output price for :cheapest', () => {
    const plan = routerWith(allKeys).plan({ model: `${llama}:cheapest`, task: 'conversational', principal });
    expect(providersOf(plan)).toEqual(['beta', 'alpha']);
  });

  it('pins an explicit provider and only that one', () => {
    const plan = routerWith(allKeys).plan({ model: `${llama}:beta`, task: 'conversational', principal });
    expect(plan.pinned).toBe(true);
    expect(providersOf(plan)).toEqual(['beta']);
    expect(plan.candidates[0]!.entry.providerModelId).toBe('beta-llama');
  });

  it('skips providers without a key and names the reason when none is left', () => {
    expect(
      providersOf(
        routerWith({ BETA_API_KEY: 'b' }).plan({ model: llama, task: 'conversational', principal }),
      ),
    ).toEqual(['beta']);
    expect(() => routerWith({}).plan({ model: llama, task: 'conversational', principal })).toThrow(
      /alpha: no API key is configured for provider 'alpha': set ALPHA_API_KEY/,
    );
  });

  it('rejects an unknown provider suffix the way Hugging Face does', () => {
    expect(() =>
      routerWith(allKeys).plan({ model: `${llama}:auto`, task: 'conversational', principal }),
    ).toThrow("The provider you attempted to explicitly specify 'auto' is not a valid provider.");
  });

  it('rejects a provider that does not serve the model, and staging mappings', () => {
    const router = routerWith(allKeys);
    expect(() => router.plan({ model: `${llama}:gamma`, task: 'conversational', principal })).toThrow(
      /not supported by provider 'gamma'/,
    );
    try {
      router.plan({ model: 'nobody/serves-this', task: 'conversational', principal });
      expect.unreachable();
    } catch (error) {
      expect(RoutingError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        status: 400,
        code: 'model_not_supported',
        message:
          "The requested model 'nobody/serves-this' is not supported by any provider you have enabled.",
      });
    }
  });

  it('says when a model exists but not for the task', () => {
    expect(() => routerWith(allKeys).plan({ model: llama, task: 'text-to-image', principal })).toThrow(
      /does not support task 'text-to-image'/,
    );
  });

  it('leaves out providers the operator disabled, and uses operator mappings', () => {
    const providers: ProvidersConfig = {
      alpha: { enabled: false },
      gamma: { models: [{ hfModelId: llama, providerModelId: 'gamma-llama-live' }] },
    };
    const plan = routerWith(allKeys, providers).plan({ model: llama, task: 'conversational', principal });
    expect(providersOf(plan)).toEqual(['beta', 'gamma']);
    expect(plan.candidates[1]!.entry).toMatchObject({
      providerModelId: 'gamma-llama-live',
      origin: 'config',
    });
    expect(() =>
      routerWith(allKeys, providers).plan({ model: `${llama}:alpha`, task: 'conversational', principal }),
    ).toThrow(/disabled on this gateway/);
  });
});
