import { describe, expect, it } from 'vitest';
import { wavespeedUsage } from './wavespeed-usage.js';

describe('wavespeedUsage', () => {
  it('meters images returned for a per-image model', () => {
    expect(wavespeedUsage({ perImage: '0.012' }, { images: 3 })).toEqual({ images: 3 });
  });

  it('meters one request for a per-video model and ignores the length it does not price', () => {
    expect(wavespeedUsage({ perRequest: '0.05' }, { videoSeconds: 5 })).toEqual({ requests: 1 });
  });

  it('meters the requested length for a per-second model', () => {
    expect(wavespeedUsage({ perVideoSecond: '0.01' }, { videoSeconds: 8 })).toEqual({
      videoMilliseconds: 8000,
    });
  });

  it('meters both parts of a base-plus-seconds card', () => {
    expect(wavespeedUsage({ perRequest: '0.10', perVideoSecond: '0.02' }, { videoSeconds: 10 })).toEqual({
      requests: 1,
      videoMilliseconds: 10_000,
    });
  });

  it('falls back to the natural unit for a model without a card', () => {
    expect(wavespeedUsage(undefined, { images: 2 })).toEqual({ images: 2 });
    expect(wavespeedUsage(undefined, { videoSeconds: 5 })).toEqual({ requests: 1 });
  });
});
