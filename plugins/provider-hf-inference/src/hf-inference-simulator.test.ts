// The plugin against the hf-inference simulator beyond the shared suite: coverage of the mapping, the cold model.
import { UpstreamApiError } from '@tollgate/provider-spec';
import {
  createProviderSimulator,
  hfInferenceProfile,
  type ProviderSimulator,
  runTask,
} from '@tollgate/provider-test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hfInferencePlugin } from './index.js';

describe('hf-inference against its simulator', () => {
  let simulator: ProviderSimulator;
  beforeAll(async () => {
    simulator = await createProviderSimulator({ providers: ['hf-inference'] });
  });
  afterAll(() => simulator.close());

  const run = (task: string, providerModelId: string, input: unknown) =>
    runTask({
      plugin: hfInferencePlugin,
      task,
      input,
      providerModelId,
      baseUrl: simulator.baseUrlFor('hf-inference'),
      apiKey: simulator.apiKeyFor('hf-inference'),
    });

  it('serves every model the plugin maps', () => {
    const served = new Set(hfInferenceProfile.models.map((model) => model.id));
    for (const mapping of hfInferencePlugin.models)
      expect(served, mapping.providerModelId).toContain(mapping.providerModelId);
  });

  it('meters the compute time the answer reports, in whole milliseconds', async () => {
    const result = await run('text-classification', 'ProsusAI/finbert', { inputs: 'Profits rose sharply.' });
    const call = simulator.calls.at(-1)!;
    expect(call.path).toBe('/models/ProsusAI/finbert');
    expect(result.usage.computeMilliseconds).toBeGreaterThan(0);
    expect(Number.isInteger(result.usage.computeMilliseconds)).toBe(true);
  });

  it('surfaces a cold model’s 503 as a retryable upstream error, and succeeds once the model has loaded', async () => {
    const input = { inputs: 'My name is Wolfgang and I live in Berlin' };
    const error = await run('translation', 'google-t5/t5-large', input).catch((caught: unknown) => caught);
    expect(UpstreamApiError.isInstance(error)).toBe(true);
    const upstream = error as UpstreamApiError;
    expect(upstream).toMatchObject({ upstreamStatus: 503, isRetryable: true, status: 502 });
    expect(upstream.message).toBe(
      'hf-inference API error (503): Model google-t5/t5-large is currently loading',
    );
    const { estimated_time: seconds } = upstream.upstreamBody as { estimated_time: number };
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 20));
    const result = await run('translation', 'google-t5/t5-large', input);
    expect(result.output).toEqual({ translation_text: 'Mein Name ist Wolfgang und ich lebe in Berlin' });
  });
});
