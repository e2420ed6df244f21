import { describe, expect, it } from 'vitest';
import type { UpstreamCallReport } from '../execution/execution-observer.js';
import { EWMA_ALPHA, ewmaBatchWeight } from './moving-average.js';
import { sampleOf, TrafficSampleAggregator } from './traffic-sample-aggregator.js';

const streamed = (overrides: Partial<UpstreamCallReport> = {}): UpstreamCallReport => ({
  providerId: 'groq',
  hfModelId: 'openai/gpt-oss-120b',
  providerModelId: 'openai/gpt-oss-120b',
  task: 'conversational',
  streaming: true,
  outcome: 'ok',
  durationMs: 1_100,
  firstChunkMs: 100,
  usage: { inputTokens: 10, outputTokens: 101 },
  ...overrides,
});

describe('sampleOf', () => {
  it('times the first chunk and the tokens after it of a stream', () => {
    expect(sampleOf(streamed())).toEqual({
      providerId: 'groq',
      providerModelId: 'openai/gpt-oss-120b',
      firstTokenLatencyMs: 100,
      outputTokensPerSecond: 100,
    });
  });

  it('times a whole non-streamed answer', () => {
    expect(sampleOf(streamed({ streaming: false, firstChunkMs: undefined, durationMs: 420 }))).toEqual({
      providerId: 'groq',
      providerModelId: 'openai/gpt-oss-120b',
      completionLatencyMs: 420,
    });
  });

  it('gives no speed for a stream of one token or one that ended with its first chunk', () => {
    expect(sampleOf(streamed({ usage: { outputTokens: 1 } }))).not.toHaveProperty('outputTokensPerSecond');
    expect(sampleOf(streamed({ durationMs: 100 }))).not.toHaveProperty('outputTokensPerSecond');
    expect(sampleOf(streamed({ usage: {} }))).toHaveProperty('firstTokenLatencyMs', 100);
  });

  it.each([
    ['a failed call', { outcome: 'error' as const }],
    ['an abandoned stream', { outcome: 'client_aborted' as const }],
    ['another task', { task: 'text-to-image' as const }],
    ['a call without a provider model', { providerModelId: undefined }],
    ['a stream that never sent a chunk', { firstChunkMs: undefined }],
  ])('ignores %s', (_name, overrides) => {
    expect(sampleOf(streamed(overrides))).toBeUndefined();
  });
});

describe('TrafficSampleAggregator', () => {
  it('turns the samples of each key into one batch: the mean, weighted as that many EWMA updates', () => {
    const aggregator = new TrafficSampleAggregator();
    aggregator.add({
      providerId: 'groq',
      providerModelId: 'a',
      firstTokenLatencyMs: 100,
      outputTokensPerSecond: 50,
    });
    aggregator.add({ providerId: 'groq', providerModelId: 'a', firstTokenLatencyMs: 300 });
    aggregator.add({ providerId: 'groq', providerModelId: 'a', completionLatencyMs: 900 });
    aggregator.add({ providerId: 'together', providerModelId: 'a', completionLatencyMs: 500 });

    const { batches } = aggregator.drain();

    expect(batches).toEqual([
      {
        providerId: 'groq',
        providerModelId: 'a',
        samples: 3,
        firstTokenLatencyMs: { mean: 200, weight: ewmaBatchWeight(2) },
        outputTokensPerSecond: { mean: 50, weight: EWMA_ALPHA },
        completionLatencyMs: { mean: 900, weight: EWMA_ALPHA },
      },
      {
        providerId: 'together',
        providerModelId: 'a',
        samples: 1,
        completionLatencyMs: { mean: 500, weight: EWMA_ALPHA },
      },
    ]);
    expect(aggregator.size).toBe(0);
    expect(aggregator.drain().batches).toEqual([]);
  });

  it('refuses figures that are not finite non-negative numbers, counting the answer still', () => {
    const aggregator = new TrafficSampleAggregator();
    aggregator.add({
      providerId: 'groq',
      providerModelId: 'a',
      outputTokensPerSecond: Number.POSITIVE_INFINITY,
    });
    aggregator.add({ providerId: 'groq', providerModelId: 'a', firstTokenLatencyMs: -5 });
    expect(aggregator.drain().batches).toEqual([{ providerId: 'groq', providerModelId: 'a', samples: 2 }]);
  });

  it('puts drained samples back after a failed merge, summed with those that arrived since', () => {
    const aggregator = new TrafficSampleAggregator();
    aggregator.add({ providerId: 'groq', providerModelId: 'a', firstTokenLatencyMs: 100 });
    const failed = aggregator.drain();
    aggregator.add({ providerId: 'groq', providerModelId: 'a', firstTokenLatencyMs: 300 });
    aggregator.add({ providerId: 'groq', providerModelId: 'b', firstTokenLatencyMs: 50 });
    failed.restore();

    expect(aggregator.drain().batches).toEqual([
      {
        providerId: 'groq',
        providerModelId: 'a',
        samples: 2,
        firstTokenLatencyMs: { mean: 200, weight: ewmaBatchWeight(2) },
      },
      {
        providerId: 'groq',
        providerModelId: 'b',
        samples: 1,
        firstTokenLatencyMs: { mean: 50, weight: EWMA_ALPHA },
      },
    ]);
  });
});
