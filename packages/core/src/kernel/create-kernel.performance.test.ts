import { createProviderSimulator, type ProviderSimulator } from '@tollgate/provider-test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamingExecution } from '../execution/execution-types.js';
import {
  principal,
  RecordingCreditLedger,
  simulatedChatPlugin,
  simulatedGroq,
} from '../execution/executor.test-helpers.js';
import type { Store } from '../store/store.js';
import { createInMemoryCatalogRepository } from '../store/testing/in-memory-catalog-repository.js';
import { createInMemoryPerformanceRepository } from '../store/testing/in-memory-performance-repository.js';
import { coreTokens } from './core-tokens.js';
import { createKernel } from './create-kernel.js';

const together = simulatedChatPlugin('together', {
  path: '/v1/chat/completions',
  providerModelId: 'openai/gpt-oss-120b',
  outputPerMillionTokens: '0.60',
});
const model = 'openai/gpt-oss-120b';

let simulator: ProviderSimulator;
beforeAll(async () => {
  simulator = await createProviderSimulator({ providers: ['groq', 'together'] });
});
afterAll(() => simulator.close());

describe('createKernel live performance', () => {
  it('measures routed streams, merges them into the store, and routes :fastest by them', async () => {
    const store = {
      catalog: createInMemoryCatalogRepository(),
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
      performance: { flushIntervalMs: 0, refreshIntervalMs: 0 },
      configure: (container) => container.register(coreTokens.credits, { useValue: ledger }),
    });
    await kernel.start();
    simulator.setLatency('groq', { tokensPerSecond: 60 });
    simulator.setLatency('together', { tokensPerSecond: 400 });
    const plan = () =>
      kernel
        .resolve(coreTokens.router)
        .plan({ model: `${model}:fastest`, task: 'conversational', principal })
        .candidates.map(({ entry }) => entry.providerId);
    expect(plan()).toEqual(['groq', 'together']);

    for (const provider of ['groq', 'together']) {
      const result = (await kernel.executor.execute({
        task: 'conversational',
        model: `${model}:${provider}`,
        input: {
          model,
          messages: [{ role: 'user', content: 'Count to twenty.' }],
          stream: true,
          max_tokens: 30,
        },
        principal,
        requestId: `req-${provider}`,
        signal: new AbortController().signal,
      })) as StreamingExecution;
      for await (const _batch of result.batches) {
        // Read to the end: the speed is measured when the stream completes.
      }
      await result.completion;
    }
    expect(await store.performance.list()).toEqual([]);

    await kernel.resolve(coreTokens.performanceRecorder).flush();
    const groq = kernel.resolve(coreTokens.performance).of('groq', model);
    const fast = kernel.resolve(coreTokens.performance).of('together', model);
    expect(groq?.outputTokensPerSecond).toBeGreaterThan(30);
    expect(groq?.outputTokensPerSecond).toBeLessThan(80);
    expect(fast?.outputTokensPerSecond).toBeGreaterThan(200);
    expect(plan()).toEqual(['together', 'groq']);

    simulator.setLatency('groq', { tokensPerSecond: 0 });
    simulator.setLatency('together', { tokensPerSecond: 0 });
    await kernel.dispose();
  });
});
