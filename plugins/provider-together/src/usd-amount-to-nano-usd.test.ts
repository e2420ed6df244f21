import { describe, expect, it } from 'vitest';
import { usdAmountToNanoUsd } from './usd-amount-to-nano-usd.js';

describe('usdAmountToNanoUsd', () => {
  it('reads the decimal the provider wrote, exactly', () => {
    expect(usdAmountToNanoUsd(0.56)).toBe(560_000_000n);
    expect(usdAmountToNanoUsd(0.1)).toBe(100_000_000n);
    expect(usdAmountToNanoUsd(2)).toBe(2_000_000_000n);
    expect(usdAmountToNanoUsd(0)).toBe(0n);
  });

  it('rounds a remainder below a nano-USD up, never down', () => {
    expect(usdAmountToNanoUsd(0.0000000012)).toBe(2n);
    expect(usdAmountToNanoUsd(1.2e-10)).toBe(1n);
    expect(usdAmountToNanoUsd(0.123456789)).toBe(123_456_789n);
  });

  it('refuses what is not a finite non-negative number', () => {
    for (const value of [-1, Number.NaN, Number.POSITIVE_INFINITY, '0.5', null, undefined]) {
      expect(usdAmountToNanoUsd(value)).toBeUndefined();
    }
  });
});
