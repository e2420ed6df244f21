import { describe, expect, it } from 'vitest';
import { usdNumber, withUsageCost } from './usage-cost.js';

describe('usage.cost', () => {
  it('is the exact decimal of the nano-USD amount, as a JSON number', () => {
    expect(JSON.stringify(usdNumber(1_234_500n))).toBe('0.0012345');
    expect(JSON.stringify(usdNumber(100_000_000n))).toBe('0.1');
    expect(usdNumber(1n)).toBe(1e-9);
    expect(JSON.stringify(usdNumber(999_999_123_456_789n))).toBe('999999.123456789');
    expect(usdNumber(0n)).toBe(0);
  });

  it('is added to the usage of an object or of a JSON text, which is left unchanged', () => {
    const payload = { id: 'x', usage: { prompt_tokens: 3 } };
    expect(withUsageCost(payload, 5n)).toEqual({ id: 'x', usage: { prompt_tokens: 3, cost: 5e-9 } });
    expect(payload.usage).toEqual({ prompt_tokens: 3 });
    expect(withUsageCost('{"choices":[],"usage":{"completion_tokens":2}}', 2_000n)).toEqual({
      choices: [],
      usage: { completion_tokens: 2, cost: 0.000002 },
    });
    expect(withUsageCost('{"choices":[]}', 2_000n)).toBe('{"choices":[]}');
    expect(withUsageCost({ choices: [] }, 2_000n, true)).toEqual({ choices: [], usage: { cost: 0.000002 } });
  });
});
