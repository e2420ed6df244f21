import { describe, expect, it } from 'vitest';
import { usdToNano } from '../pricing/nano-usd.js';
import { DEFAULT_BILLING_TIERS, resolveBillingTiers } from './billing-tiers.js';

describe('DEFAULT_BILLING_TIERS', () => {
  it("are Hugging Face's terms: Free $0.10 hard stop, PRO $2.00 then pay-as-you-go, Team and Enterprise $2.00 a seat", () => {
    expect(DEFAULT_BILLING_TIERS.free).toMatchObject({
      includedNanoUsd: usdToNano('0.10'),
      perSeat: false,
      payAsYouGo: false,
    });
    expect(DEFAULT_BILLING_TIERS.pro).toMatchObject({
      monthlyPriceNanoUsd: usdToNano('9'),
      includedNanoUsd: usdToNano('2'),
      perSeat: false,
      payAsYouGo: true,
    });
    expect(DEFAULT_BILLING_TIERS.team).toMatchObject({
      monthlyPriceNanoUsd: usdToNano('20'),
      includedNanoUsd: usdToNano('2'),
      perSeat: true,
      payAsYouGo: true,
    });
    expect(DEFAULT_BILLING_TIERS.enterprise).toMatchObject({
      includedNanoUsd: usdToNano('2'),
      perSeat: true,
      payAsYouGo: true,
    });
  });

  it('cannot be changed in place', () => {
    expect(Object.isFrozen(DEFAULT_BILLING_TIERS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_BILLING_TIERS.free)).toBe(true);
  });
});

describe('resolveBillingTiers', () => {
  it('lays overrides over the defaults field by field', () => {
    const tiers = resolveBillingTiers({
      free: { includedNanoUsd: 50_000_000n },
      team: { payAsYouGo: false },
    });

    expect(tiers.free).toEqual({ ...DEFAULT_BILLING_TIERS.free, includedNanoUsd: 50_000_000n });
    expect(tiers.team).toEqual({ ...DEFAULT_BILLING_TIERS.team, payAsYouGo: false });
    expect(tiers.pro).toEqual(DEFAULT_BILLING_TIERS.pro);
  });

  it('refuses a negative included credit', () => {
    expect(() => resolveBillingTiers({ pro: { includedNanoUsd: -1n } })).toThrow(/pro tier/);
  });
});
