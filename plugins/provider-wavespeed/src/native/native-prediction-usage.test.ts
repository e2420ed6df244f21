import { describe, expect, it } from 'vitest';
import { fixture } from '../wavespeed-fixtures.test-helpers.js';
import { parseWavespeedPrediction } from '../wavespeed-prediction.js';
import { isNativelyMeterable, nativePredictionUsage } from './native-prediction-usage.js';

describe('native WaveSpeed metering', () => {
  it('meters image models and per-clip video models, not per-second video models', () => {
    expect(isNativelyMeterable('wavespeed-ai/flux-dev')).toBe(true);
    expect(isNativelyMeterable('wavespeed-ai/hidream-e1-full')).toBe(true);
    expect(isNativelyMeterable('wavespeed-ai/wan-2.2/t2v-5b-720p')).toBe(true);
    expect(isNativelyMeterable('wavespeed-ai/wan-2.1/t2v-480p')).toBe(false);
    expect(isNativelyMeterable('wavespeed-ai/wan-2.2/i2v-480p-ultra-fast')).toBe(false);
  });

  it('counts the images a completed prediction returned, and nothing before it completes', () => {
    expect(
      nativePredictionUsage(parseWavespeedPrediction(fixture('completed-images')), 'wavespeed-ai/flux-dev'),
    ).toEqual({
      images: 2,
    });
    expect(
      nativePredictionUsage(parseWavespeedPrediction(fixture('processing')), 'wavespeed-ai/flux-dev'),
    ).toBeUndefined();
  });

  it('meters a model without a card in the natural unit of its output', () => {
    const catalog = {
      models: [
        { hfModelId: 'a/v', providerModelId: 'x/video', task: 'text-to-video', status: 'live' },
      ] as const,
      rates: {
        asOf: '2026-12-01',
        sourceUrl: 'https://wavespeed.ai/models',
        currency: 'USD',
        models: {},
      } as const,
    };
    const completed = parseWavespeedPrediction(fixture('completed-video'));
    expect(nativePredictionUsage(completed, 'x/video', catalog)).toEqual({ requests: 1 });
    expect(nativePredictionUsage(completed, 'x/image', catalog)).toEqual({ images: 1 });
  });
});
