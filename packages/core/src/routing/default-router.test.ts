import { AuthError, RoutingError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import type { InferenceProviderSettings } from '../account-settings/inference-provider-settings.js';
import { CatalogAudience } from '../catalog/catalog-audience.js';
import { seededSnapshot } from '../catalog/catalog-snapshot.test-helpers.js';
import type { MeasuredPerformance, PerformanceView } from '../performance/measured-performance.js';
import { makePlugin } from '../plugin-builders.test-helpers.js';
import { RateTablePricingService } from '../pricing/pricing-service.js';
import { ProviderRegistry } from '../registry/provider-registry.js';
import type { ProvidersConfig } from '../settings/provider-config.js';
import { resolveProviderRuntimeSettings } from '../settings/provider-runtime-settings.js';
import { DefaultRouter } from './default-router.js';

const llama = 'meta-llama/Llama-3.3-70B-Instruct';
const principal = { userId: 'u', userName: 'ada', tokenId: 't' };

/** A view with the given output speed (tokens/s) and health per provider; others unmeasured. */
function measured(
  figures: Record<string, { speed?: number; health?: MeasuredPerformance['health'] }>,
): PerformanceView {
  return {
    of(providerId) {
      const figure = figures[providerId];
      if (!figure) return undefined;
      return {
        firstTokenLatencyMs: undefined,
        outputTokensPerSecond: figure.speed,
        health: figure.health ?? 'healthy',
        supportsTools: undefined,
        supportsStructuredOutput: undefined,
        sampleCount: 1,
        updatedAt: '2026-11-25T00:00:00.000Z',
      };
    },
  };
}

function routerWith(
  env: Record<string, string>,
  providers: ProvidersConfig = {},
  performance?: PerformanceView,
) {
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
    makePlugin('delta', [{ hfModelId: llama, providerModelId: 'delta-llama' }], {
      'delta-llama': { inputPerMillionTokens: '1', outputPerMillionTokens: '2' },
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
  return new DefaultRouter(
    registry,
    catalog,
    new RateTablePricingService(registry, providers),
    settings,
    performance,
  );
}

const allKeys = { ALPHA_API_KEY: 'a', BETA_API_KEY: 'b', GAMMA_API_KEY: 'g', DELTA_API_KEY: 'd' };
const settings = (overrides: Partial<InferenceProviderSettings>): InferenceProviderSettings => ({
  defaultPolicy: 'fastest',
  providerOrder: [],
  disabledProviders: [],
  ...overrides,
});
const providersOf = (plan: ReturnType<DefaultRouter['plan']>) =>
  plan.candidates.map((candidate) => candidate.entry.providerId);

describe('DefaultRouter', () => {
  it('routes by :fastest by default, and keeps catalog order while nothing is measured', () => {
    const plan = routerWith(allKeys).plan({ model: llama, task: 'conversational', principal });
    expect(plan).toMatchObject({ hfModelId: llama, pinned: false, policy: 'fastest' });
    expect(providersOf(plan)).toEqual(['alpha', 'beta', 'delta']);
  });

  it('orders by measured output speed for :fastest, unmeasured ones last in catalog order', () => {
    const router = routerWith(allKeys, {}, measured({ delta: { speed: 310 }, beta: { speed: 95.5 } }));
    for (const model of [llama, `${llama}:fastest`]) {
      expect(providersOf(router.plan({ model, task: 'conversational', principal }))).toEqual([
        'delta',
        'beta',
        'alpha',
      ]);
    }
  });

  it('orders by output price for :cheapest', () => {
    const plan = routerWith(allKeys).plan({ model: `${llama}:cheapest`, task: 'conversational', principal });
    expect(plan.policy).toBe('cheapest');
    expect(providersOf(plan)).toEqual(['beta', 'delta', 'alpha']);
  });

  it("orders by the account's provider order for :preferred, unlisted providers after in catalog order", () => {
    const router = routerWith(allKeys);
    const plan = router.plan({
      model: `${llama}:preferred`,
      task: 'conversational',
      principal,
      settings: settings({ providerOrder: ['delta', 'nobody', 'beta'] }),
    });
    expect(providersOf(plan)).toEqual(['delta', 'beta', 'alpha']);
    expect(
      providersOf(router.plan({ model: `${llama}:preferred`, task: 'conversational', principal })),
    ).toEqual(['alpha', 'beta', 'delta']);
  });

  it("routes a model without a suffix by the account's default policy", () => {
    const plan = routerWith(allKeys, {}, measured({ alpha: { speed: 500 } })).plan({
      model: llama,
      task: 'conversational',
      principal,
      settings: settings({ defaultPolicy: 'cheapest' }),
    });
    expect(plan.policy).toBe('cheapest');
    expect(providersOf(plan)).toEqual(['beta', 'delta', 'alpha']);
  });

  it('moves unhealthy candidates last under every policy, and keeps them when nothing else is left', () => {
    const view = measured({ beta: { speed: 900, health: 'unhealthy' }, delta: { speed: 10 } });
    const router = routerWith(allKeys, {}, view);
    expect(providersOf(router.plan({ model: llama, task: 'conversational', principal }))).toEqual([
      'delta',
      'alpha',
      'beta',
    ]);
    expect(
      providersOf(router.plan({ model: `${llama}:cheapest`, task: 'conversational', principal })),
    ).toEqual(['delta', 'alpha', 'beta']);
    const onlyBeta = routerWith({ BETA_API_KEY: 'b' }, {}, view);
    expect(providersOf(onlyBeta.plan({ model: llama, task: 'conversational', principal }))).toEqual(['beta']);
  });

  it('never offers a provider the account disabled, and says so when none is left', () => {
    const router = routerWith(allKeys);
    const plan = router.plan({
      model: `${llama}:cheapest`,
      task: 'conversational',
      principal,
      settings: settings({ disabledProviders: ['beta'] }),
    });
    expect(providersOf(plan)).toEqual(['delta', 'alpha']);
    try {
      router.plan({
        model: llama,
        task: 'conversational',
        principal,
        settings: settings({ disabledProviders: ['alpha', 'beta', 'delta'] }),
      });
      expect.unreachable();
    } catch (error) {
      expect(RoutingError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ status: 400, code: 'model_not_supported' });
      expect((error as Error).message).toBe(
        `The requested model '${llama}' is not supported by any provider you have enabled (alpha: disabled in your inference provider settings; beta: disabled in your inference provider settings; delta: disabled in your inference provider settings).`,
      );
    }
  });

  it('refuses a pinned provider the account disabled with a 403', () => {
    try {
      routerWith(allKeys).plan({
        model: `${llama}:beta`,
        task: 'conversational',
        principal,
        settings: settings({ disabledProviders: ['beta'] }),
      });
      expect.unreachable();
    } catch (error) {
      expect(AuthError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ status: 403, code: 'provider_disabled', type: 'permission_error' });
      expect((error as Error).message).toMatch(
        /Provider 'beta' is disabled in your inference provider settings/,
      );
    }
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
    ).toThrow("the provider you attempted to explicitly specify 'auto' is not a valid provider.");
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

  it("routes to a staging mapping for members of its provider's organization and for admins only", () => {
    const router = routerWith(allKeys);
    const members = new CatalogAudience(false, new Set(['gamma']));
    const pinned = router.plan({
      model: `${llama}:gamma`,
      task: 'conversational',
      principal,
      audience: members,
    });
    expect(providersOf(pinned)).toEqual(['gamma']);
    expect(
      providersOf(router.plan({ model: llama, task: 'conversational', principal, audience: members })),
    ).toEqual(['alpha', 'beta', 'delta', 'gamma']);
    const admin = new CatalogAudience(true, new Set());
    expect(
      providersOf(
        router.plan({ model: `${llama}:gamma`, task: 'conversational', principal, audience: admin }),
      ),
    ).toEqual(['gamma']);
    const otherMembers = new CatalogAudience(false, new Set(['alpha']));
    expect(() =>
      router.plan({ model: `${llama}:gamma`, task: 'conversational', principal, audience: otherMembers }),
    ).toThrow(/not supported by provider 'gamma'/);
  });

  it('does not let a hidden staging mapping show through the error message', () => {
    const registry = new ProviderRegistry();
    registry.add(
      makePlugin('gamma', [{ hfModelId: 'acme/secret', providerModelId: 's', status: 'staging' }]),
    );
    const providers = {};
    const router = new DefaultRouter(
      registry,
      seededSnapshot(registry, providers),
      new RateTablePricingService(registry, providers),
      new Map(
        registry
          .list()
          .map(({ plugin }) => [plugin.id, resolveProviderRuntimeSettings(plugin, providers, allKeys)]),
      ),
    );
    expect(() => router.plan({ model: 'acme/secret', task: 'text-to-image', principal })).toThrow(
      "The requested model 'acme/secret' is not supported by any provider you have enabled.",
    );
    expect(() =>
      router.plan({
        model: 'acme/secret',
        task: 'text-to-image',
        principal,
        audience: new CatalogAudience(false, new Set(['gamma'])),
      }),
    ).toThrow(/does not support task 'text-to-image'/);
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
    expect(providersOf(plan)).toEqual(['beta', 'delta', 'gamma']);
    expect(plan.candidates[2]!.entry).toMatchObject({
      providerModelId: 'gamma-llama-live',
      origin: 'config',
    });
    expect(() =>
      routerWith(allKeys, providers).plan({ model: `${llama}:alpha`, task: 'conversational', principal }),
    ).toThrow(/disabled on this gateway/);
  });
});
