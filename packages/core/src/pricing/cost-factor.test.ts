import { describe, expect, it } from 'vitest';
import { computeParsedCost, parseRateCard } from './compute-cost.js';
import { applyCostFactor, formatCostFactor, parseCostFactor } from './cost-factor.js';

describe('the estimated cost factor', () => {
  it('is read from an exact decimal or a ratio of integers', () => {
    expect(parseCostFactor('1.25')).toEqual({ numerator: 125n, denominator: 100n });
    expect(parseCostFactor('4/3')).toEqual({ numerator: 4n, denominator: 3n });
    expect(parseCostFactor('1')).toEqual({ numerator: 1n, denominator: 1n });
    expect(formatCostFactor(parseCostFactor('1.250'))).toBe('1.25');
    expect(formatCostFactor(parseCostFactor('4/3'))).toBe('4/3');
  });

  it('refuses floats in other spellings, negative or zero denominators, and factors below 1', () => {
    for (const text of ['1e2', '-1.5', '1.25.1', '5/0', '0.9', '3/4', '', 'abc']) {
      expect(() => parseCostFactor(text), text).toThrow(RangeError);
    }
  });

  it('scales a cost and rounds up once', () => {
    const factor = parseCostFactor('5/4');
    expect(applyCostFactor(3n, factor)).toBe(4n);
    expect(applyCostFactor(4n, factor)).toBe(5n);
    expect(applyCostFactor(0n, factor)).toBe(0n);
  });

  it('applies before the rate-card cost is rounded: ceil(rate x usage x factor)', () => {
    const factor = parseCostFactor('1.25');
    // rate x usage = 0.5 nano-USD: ceil(0.5 x 1.25) = 1, where rounding first would give ceil(1 x 1.25) = 2.
    expect(
      computeParsedCost(parseRateCard({ inputPerMillionTokens: '0.0001' }), { inputTokens: 5 }, factor),
    ).toBe(1n);
    const chat = parseRateCard({ inputPerMillionTokens: '0.59', outputPerMillionTokens: '0.79' });
    // 1000 x 590 + 250 x 790 = 787,500 nano-USD; x 1.25 = 984,375.
    expect(computeParsedCost(chat, { inputTokens: 1000, outputTokens: 250 }, factor)).toBe(984_375n);
    // 590 x 4/3 = 786.67, rounded up.
    expect(computeParsedCost(chat, { inputTokens: 1 }, parseCostFactor('4/3'))).toBe(787n);
    expect(computeParsedCost(chat, { reportedCostNanoUsd: 3n }, factor)).toBe(4n);
  });
});
