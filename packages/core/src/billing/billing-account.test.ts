import { describe, expect, it } from 'vitest';
import { allowanceOf } from './billing-account.js';
import { DEFAULT_BILLING_TIERS } from './billing-tiers.js';

const id = '11111111-1111-4111-8111-111111111111';

describe('allowanceOf', () => {
  it('gives a Free user $0.10 and no pay-as-you-go', () => {
    expect(allowanceOf({ kind: 'user', id, tier: 'free' }, DEFAULT_BILLING_TIERS)).toEqual({
      includedNanoUsd: 100_000_000n,
      payAsYouGoLimitNanoUsd: 0n,
    });
  });

  it('gives a PRO user $2.00 and unlimited pay-as-you-go', () => {
    expect(allowanceOf({ kind: 'user', id, tier: 'pro' }, DEFAULT_BILLING_TIERS)).toEqual({
      includedNanoUsd: 2_000_000_000n,
      payAsYouGoLimitNanoUsd: undefined,
    });
  });

  it('pools $2.00 per seat for an organization, and caps pay-as-you-go at its spending limit', () => {
    expect(
      allowanceOf(
        { kind: 'organization', id, plan: 'team', seats: 5, spendingLimitNanoUsd: undefined },
        DEFAULT_BILLING_TIERS,
      ),
    ).toEqual({ includedNanoUsd: 10_000_000_000n, payAsYouGoLimitNanoUsd: undefined });
    expect(
      allowanceOf(
        { kind: 'organization', id, plan: 'enterprise', seats: 3, spendingLimitNanoUsd: 25_000_000_000n },
        DEFAULT_BILLING_TIERS,
      ),
    ).toEqual({ includedNanoUsd: 6_000_000_000n, payAsYouGoLimitNanoUsd: 25_000_000_000n });
  });

  it('gives an organization without a plan nothing', () => {
    expect(
      allowanceOf(
        { kind: 'organization', id, plan: undefined, seats: 10, spendingLimitNanoUsd: undefined },
        DEFAULT_BILLING_TIERS,
      ),
    ).toEqual({ includedNanoUsd: 0n, payAsYouGoLimitNanoUsd: 0n });
  });
});
