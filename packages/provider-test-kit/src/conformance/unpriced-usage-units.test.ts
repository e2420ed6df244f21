import { describe, expect, it } from 'vitest';
import { reportedUnits, unpricedUsageUnits } from './unpriced-usage-units.js';

describe('unpricedUsageUnits', () => {
  it('accepts units the card prices', () => {
    expect(
      unpricedUsageUnits(
        { inputPerMillionTokens: '0.1', outputPerMillionTokens: '0.2' },
        { inputTokens: 5, outputTokens: 3 },
      ),
    ).toEqual([]);
    expect(unpricedUsageUnits({ perAudioSecond: '0.0001' }, { audioMilliseconds: 1500 })).toEqual([]);
    expect(unpricedUsageUnits({ perRequest: '0.01' }, { requests: 1 })).toEqual([]);
    expect(
      unpricedUsageUnits({ inputPerMillionTokens: '0.1' }, { inputTokens: 5, cachedInputTokens: 2 }),
    ).toEqual([]);
  });

  it('names each unit no field prices, and the field it needs', () => {
    expect(
      unpricedUsageUnits({ perImage: '0.03' }, { videoMilliseconds: 5000, computeMilliseconds: 10 }),
    ).toEqual(['videoMilliseconds (needs perVideoSecond)', 'computeMilliseconds (needs perComputeSecond)']);
    expect(unpricedUsageUnits({ outputPerMillionTokens: '1' }, { inputTokens: 1 })).toEqual([
      'inputTokens (needs inputPerMillionTokens)',
    ]);
  });

  it('lets images and megapixels price each other when both are reported, but not alone', () => {
    expect(unpricedUsageUnits({ perMegapixel: '0.025' }, { images: 1, milliMegapixels: 1049 })).toEqual([]);
    expect(unpricedUsageUnits({ perImage: '0.025' }, { images: 1, milliMegapixels: 1049 })).toEqual([]);
    expect(unpricedUsageUnits({ perMegapixel: '0.025' }, { images: 1 })).toEqual(['images (needs perImage)']);
  });

  it('takes a reported cost as pricing everything, and refuses fractional or negative counts', () => {
    expect(unpricedUsageUnits({}, { videoMilliseconds: 5000, reportedCostNanoUsd: 10n })).toEqual([]);
    expect(unpricedUsageUnits({ perAudioSecond: '1' }, { audioMilliseconds: 1.5 })).toEqual([
      'audioMilliseconds (1.5 is not a non-negative integer)',
    ]);
    expect(unpricedUsageUnits({}, { reportedCostNanoUsd: -1n })).toEqual([
      'reportedCostNanoUsd (must be a non-negative bigint)',
    ]);
  });

  it('lists reported units, zeros included, undefined left out', () => {
    expect(reportedUnits({ images: 0, inputTokens: undefined })).toEqual(['images']);
  });
});
