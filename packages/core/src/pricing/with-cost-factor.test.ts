import { describe, expect, it } from 'vitest';
import { ProviderRegistry } from '../registry/provider-registry.js';
import { parseCostFactor } from './cost-factor.js';
import { RateTablePricingService, withCostFactor } from './pricing-service.js';

describe('withCostFactor', () => {
  const rates = { inputPerMillionTokens: '0.59', outputPerMillionTokens: '0.79' };
  const pricing = new RateTablePricingService(new ProviderRegistry(), {
    nscale: { rates: { m: rates } },
    groq: { rates: { m: rates } },
  });
  const estimated = withCostFactor(pricing, parseCostFactor('1.25'), (providerId) => providerId === 'nscale');

  it("scales the chosen providers' costs and prices per million tokens, and leaves the others at the rate card", () => {
    const usage = { inputTokens: 1000, outputTokens: 250 };
    expect(pricing.costOf('nscale', 'm', usage)).toBe(787_500n);
    expect(estimated.costOf('nscale', 'm', usage)).toBe(984_375n);
    expect(estimated.costOf('groq', 'm', usage)).toBe(787_500n);
    expect(estimated.outputPricePerMillionTokens('nscale', 'm')).toBe(987_500_000n);
    expect(estimated.outputPricePerMillionTokens('groq', 'm')).toBe(790_000_000n);
    // 0.59 x 1.25 = 0.7375 USD per million input tokens.
    expect(estimated.inputPricePerMillionTokens('nscale', 'm')).toBe(737_500_000n);
    expect(estimated.inputPricePerMillionTokens('groq', 'm')).toBe(590_000_000n);
    expect(estimated.inputPricePerMillionTokens('nscale', 'unpriced')).toBeUndefined();
    expect(estimated.rateCardFor('nscale', 'm')).toEqual(rates);
    expect(estimated.costOf('nscale', 'unpriced', usage)).toBeUndefined();
  });

  it('rounds a price per million tokens finer than a nano-dollar up, instead of failing', () => {
    const fine = new RateTablePricingService(new ProviderRegistry(), {
      local: {
        rates: { m: { inputPerMillionTokens: '0.0000000001', outputPerMillionTokens: '1.0000000001' } },
      },
    });
    expect(fine.inputPricePerMillionTokens('local', 'm')).toBe(1n);
    expect(fine.outputPricePerMillionTokens('local', 'm')).toBe(1_000_000_001n);
    // The cost itself stays exact at the rate card's precision: a million input tokens cost 0.1 nano-USD, rounded up once.
    expect(fine.costOf('local', 'm', { inputTokens: 1_000_000, outputTokens: 0 })).toBe(1n);
  });
});
