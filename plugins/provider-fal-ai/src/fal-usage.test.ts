import { describe, expect, it } from 'vitest';
import { falUsage } from './fal-usage.js';

const header = (units: string) => ({ 'x-fal-billable-units': units });

describe('falUsage', () => {
  it("meters fal's billable units in the unit the model's card prices", () => {
    expect(falUsage({ perMegapixel: '0.025' }, header('2'), undefined)).toEqual({ milliMegapixels: 2000 });
    expect(falUsage({ perVideoSecond: '0.08' }, header('5.0625'), undefined)).toEqual({
      videoMilliseconds: 5063,
    });
    expect(falUsage({ perComputeSecond: '0.00111' }, header('1.234'), undefined)).toEqual({
      computeMilliseconds: 1234,
    });
    expect(falUsage({ perAudioSecond: '0.001' }, header('12'), undefined)).toEqual({
      audioMilliseconds: 12000,
    });
    expect(falUsage({ perImage: '0.04' }, header('2'), undefined)).toEqual({ images: 2 });
    expect(falUsage({ perRequest: '0.02' }, header('3'), undefined)).toEqual({ requests: 3 });
  });

  it("prefers fal's header over the result's own facts, and falls back to them without it", () => {
    expect(falUsage({ perMegapixel: '0.025' }, header('3'), 1000)).toEqual({ milliMegapixels: 3000 });
    expect(falUsage({ perMegapixel: '0.025' }, {}, 1000)).toEqual({ milliMegapixels: 1000 });
    expect(falUsage({ perMegapixel: '0.025' }, header('lots'), 1000)).toEqual({ milliMegapixels: 1000 });
  });

  it('rounds whole-unit counts up', () => {
    expect(falUsage({ perRequest: '0.02' }, header('1.2'), undefined)).toEqual({ requests: 2 });
  });

  it('reports nothing it cannot price or does not know', () => {
    expect(falUsage(undefined, header('1'), 1000)).toEqual({});
    expect(falUsage({ perComputeSecond: '0.00111' }, {}, undefined)).toEqual({});
    expect(falUsage({ inputPerMillionTokens: '1' }, header('1'), undefined)).toEqual({});
  });
});
