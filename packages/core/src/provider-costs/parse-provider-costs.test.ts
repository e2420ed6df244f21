import { describe, expect, it } from 'vitest';
import { parseProviderCosts } from './parse-provider-costs.js';

describe('parseProviderCosts', () => {
  const asked = new Set(['a', 'b', 'c', 'd']);

  it('reads integer costs, rounds fractional ones up, and ignores ids not asked about', () => {
    const parsed = parseProviderCosts(
      {
        requests: [
          { requestId: 'a', costNanoUsd: 100 },
          { requestId: 'b', costNanoUsd: 100.2 },
          { requestId: 'c', costNanoUsd: 0 },
          { requestId: 'zz', costNanoUsd: 5 },
        ],
      },
      asked,
    );
    expect([...parsed.costs]).toEqual([
      ['a', 100n],
      ['b', 101n],
      ['c', 0n],
    ]);
    expect(parsed.invalid).toEqual([]);
  });

  it('leaves invalid costs for later, and reads {"requests": null} as nothing priced yet', () => {
    const parsed = parseProviderCosts(
      {
        requests: [
          { requestId: 'a', costNanoUsd: -1 },
          { requestId: 'b', costNanoUsd: '12' },
          { requestId: 'c' },
          { requestId: 'd', costNanoUsd: 7 },
          { requestId: 'd', costNanoUsd: 9 },
        ],
      },
      asked,
    );
    expect([...parsed.costs]).toEqual([['d', 7n]]);
    expect(parsed.invalid).toEqual(['a', 'b', 'c']);
    expect(parseProviderCosts({ requests: null }, asked).costs.size).toBe(0);
  });

  it('throws on a body that is not the billing API shape, so the call is retried', () => {
    expect(() => parseProviderCosts({ error: 'oops' }, asked)).toThrow(TypeError);
    expect(() => parseProviderCosts({ requests: {} }, asked)).toThrow(TypeError);
    expect(() => parseProviderCosts('text', asked)).toThrow(TypeError);
  });
});
