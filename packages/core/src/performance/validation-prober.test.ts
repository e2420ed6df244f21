import { createProviderSimulator, type ProviderSimulator } from '@tollgate/provider-test-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../catalog/catalog-entry.js';
import {
  principal,
  RecordingCreditLedger,
  simulatedChatPlugin,
  simulatedGroq,
} from '../execution/executor.test-helpers.js';
import { UpstreamTargets } from '../execution/upstream-targets.js';
import { coreTokens } from '../kernel/core-tokens.js';
import { createKernel, type Kernel } from '../kernel/create-kernel.js';
import type { Store } from '../store/store.js';
import { createInMemoryCatalogRepository } from '../store/testing/in-memory-catalog-repository.js';
import { createInMemoryInferenceProviderSettingsRepository } from '../store/testing/in-memory-inference-provider-settings-repository.js';
import { createInMemoryPerformanceRepository } from '../store/testing/in-memory-performance-repository.js';
import type { ChatProbeArgs, ChatProbeVerdict } from './chat-probe.js';
import type { StorePerformanceView } from './store-performance-view.js';
import { ValidationProber, type ValidationProberOptions } from './validation-prober.js';

const together = simulatedChatPlugin('together', {
  path: '/v1/chat/completions',
  providerModelId: 'openai/gpt-oss-120b',
  outputPerMillionTokens: '0.60',
});
const model = 'openai/gpt-oss-120b';
const HOUR = 3_600_000;

let simulator: ProviderSimulator;
const kernels: Kernel[] = [];

beforeAll(async () => {
  simulator = await createProviderSimulator({ providers: ['groq', 'together'] });
});
afterEach(async () => {
  simulator.clearFaults();
  simulator.resetCalls();
  for (const kernel of kernels.splice(0)) await kernel.dispose();
});
afterAll(() => simulator.close());

/** A kernel over groq and together with an in-memory store, and a prober on a clock the test moves. */
async function setUp(options: ValidationProberOptions = {}) {
  const store = {
    catalog: createInMemoryCatalogRepository(),
    inferenceProviderSettings: createInMemoryInferenceProviderSettingsRepository(),
    performance: createInMemoryPerformanceRepository(),
  } as unknown as Store;
  const env: Record<string, string> = {};
  for (const plugin of [simulatedGroq, together]) {
    env[`TOLLGATE_PROVIDER_${plugin.id.toUpperCase()}_BASE_URL`] = simulator.baseUrlFor(plugin.id);
    env[plugin.settings.apiKeyEnvVars[0]!] = simulator.apiKeyFor(plugin.id);
  }
  const ledger = new RecordingCreditLedger();
  const kernel = createKernel({
    store,
    plugins: [simulatedGroq, together],
    env,
    performance: { refreshIntervalMs: 0, flushIntervalMs: 0 },
    configure: (container) => container.register(coreTokens.credits, { useValue: ledger }),
  });
  await kernel.start();
  kernels.push(kernel);
  const clock = { now: Date.parse('2026-12-01T00:00:00.000Z') };
  const view = kernel.resolve(coreTokens.performance) as StorePerformanceView;
  const prober = (holder: string, probe?: (args: ChatProbeArgs) => Promise<ChatProbeVerdict>) =>
    new ValidationProber(
      {
        repository: store.performance,
        catalog: kernel.catalog,
        registry: kernel.registry,
        settings: kernel.providerSettings(),
        targets: new UpstreamTargets(
          kernel.providerSettings(),
          kernel.resolve(coreTokens.upstreamCallOptions),
        ),
        view,
        now: () => new Date(clock.now),
        holder,
        ...(probe ? { probe } : {}),
      },
      { timeoutMs: 2_000, capabilities: false, ...options },
    );
  // Both charge the same: `:cheapest` keeps catalog order, so only health moves a provider (speed would too).
  const order = () =>
    kernel
      .resolve(coreTokens.router)
      .plan({ model: `${model}:cheapest`, task: 'conversational', principal })
      .candidates.map(({ entry }) => entry.providerId);
  const probedProviders = () =>
    simulator.calls.filter((call) => call.method === 'POST').map((call) => call.providerId);
  return { kernel, store, clock, view, prober, order, probedProviders, ledger };
}

describe('ValidationProber', () => {
  it('probes each live chat mapping once, then again only when its interval has passed', async () => {
    const { prober, clock, view, probedProviders, ledger } = await setUp({ healthyIntervalMs: 6 * HOUR });
    const instance = prober('instance-a');

    await instance.runOnce();
    expect(probedProviders().sort()).toEqual(['groq', 'together']);
    expect(view.of('groq', model)).toMatchObject({ health: 'healthy', sampleCount: 1 });
    expect(view.of('groq', model)?.firstTokenLatencyMs).toBeGreaterThanOrEqual(0);
    expect(ledger.events).toEqual([]);

    clock.now += 6 * HOUR - 1;
    await instance.runOnce();
    expect(probedProviders()).toHaveLength(2);

    clock.now += 1;
    await instance.runOnce();
    expect(probedProviders()).toHaveLength(4);
  });

  it('routes a failing provider last, retests it sooner, and brings it back when it passes', async () => {
    const { prober, clock, view, order, probedProviders } = await setUp({
      healthyIntervalMs: 6 * HOUR,
      unhealthyIntervalMs: HOUR,
    });
    const instance = prober('instance-a');
    expect(order()).toEqual(['groq', 'together']);
    simulator.injectFault('groq', { kind: 'status', status: 500 });

    await instance.runOnce();
    expect(view.of('groq', model)).toMatchObject({ health: 'unhealthy' });
    expect(view.of('groq', model)?.lastProbeError).toMatch(/500/);
    expect(order()).toEqual(['together', 'groq']);

    simulator.clearFaults('groq');
    clock.now += HOUR - 1;
    await instance.runOnce();
    expect(view.of('groq', model)?.health).toBe('unhealthy');

    clock.now += 1;
    await instance.runOnce();
    expect(view.of('groq', model)?.health).toBe('healthy');
    expect(order()).toEqual(['groq', 'together']);
    // groq: failed, retested; together: once, not due again within 6 h.
    expect(probedProviders().filter((provider) => provider === 'groq')).toHaveLength(2);
    expect(probedProviders().filter((provider) => provider === 'together')).toHaveLength(1);
  });

  it('lets one instance probe a key at a time: the other skips what is leased', async () => {
    const { prober } = await setUp();
    const probed: string[] = [];
    const slowProbe = async ({ entry }: ChatProbeArgs): Promise<ChatProbeVerdict> => {
      probed.push(entry.providerId);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { health: 'healthy' };
    };
    await Promise.all([prober('a', slowProbe).runOnce(), prober('b', slowProbe).runOnce()]);
    expect(probed.sort()).toEqual(['groq', 'together']);
  });

  it('probes at once a mapping that turned live again, however recently it passed', async () => {
    const { kernel, prober, probedProviders } = await setUp();
    const instance = prober('a');
    await instance.runOnce();
    const groq = kernel.catalog.allEntries().find((entry: CatalogEntry) => entry.providerId === 'groq')!;

    await kernel.catalog.setStatus(groq.id, 'error');
    await instance.runOnce();
    await kernel.catalog.setStatus(groq.id, 'live');
    await instance.runOnce();

    expect(probedProviders().filter((provider) => provider === 'groq')).toHaveLength(2);
    expect(probedProviders().filter((provider) => provider === 'together')).toHaveLength(1);
  });

  it('stops at once, recording nothing for a probe it cut short', async () => {
    simulator.injectFault('groq', { kind: 'timeout' });
    simulator.injectFault('together', { kind: 'timeout' });
    const { prober, store, probedProviders } = await setUp({ timeoutMs: 10_000 });
    const instance = prober('a');
    const round = instance.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(probedProviders().length).toBeGreaterThan(0);

    const started = Date.now();
    await instance.stop();
    await round;
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await store.performance.list()).filter((record) => record.lastProbeAt !== null)).toEqual([]);
  });

  it('runs on its own schedule once started', async () => {
    const { prober, view } = await setUp({ checkIntervalMs: 20 });
    const instance = prober('a');
    instance.start();
    await expect.poll(() => view.of('together', model)?.health, { timeout: 3_000 }).toBe('healthy');
    await instance.stop();
  });
});
