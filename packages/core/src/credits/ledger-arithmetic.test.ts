import { describe, expect, it } from 'vitest';
import {
  type AccountPosition,
  amountToHold,
  availableCredit,
  availableIncludedCredit,
  chargeFor,
  settleHold,
  splitCharge,
} from './ledger-arithmetic.js';

const empty: AccountPosition = {
  includedNanoUsd: 100n,
  includedUsedNanoUsd: 0n,
  payAsYouGoLimitNanoUsd: 0n,
  payAsYouGoUsedNanoUsd: 0n,
  prepaidGrantedNanoUsd: 0n,
  prepaidUsedNanoUsd: 0n,
  heldNanoUsd: 0n,
};

describe('availableCredit', () => {
  it('adds included, prepaid and pay-as-you-go left, less open holds', () => {
    expect(
      availableCredit({
        ...empty,
        includedUsedNanoUsd: 30n,
        prepaidGrantedNanoUsd: 50n,
        prepaidUsedNanoUsd: 10n,
        payAsYouGoLimitNanoUsd: 20n,
        payAsYouGoUsedNanoUsd: 5n,
        heldNanoUsd: 25n,
      }),
    ).toBe(70n + 40n + 15n - 25n);
  });

  it('is unlimited without a pay-as-you-go limit, and never negative', () => {
    expect(availableCredit({ ...empty, payAsYouGoLimitNanoUsd: undefined })).toBeUndefined();
    expect(
      availableCredit({ ...empty, includedNanoUsd: 10n, includedUsedNanoUsd: 20n, heldNanoUsd: 5n }),
    ).toBe(0n);
  });
});

describe('amountToHold', () => {
  it('holds everything that fits, what is left down to the minimum, and nothing below it', () => {
    expect(amountToHold(50n, 50n, 60n)).toBe(50n);
    expect(amountToHold(50n, 10n, 30n)).toBe(30n);
    expect(amountToHold(50n, 40n, 30n)).toBeUndefined();
    expect(amountToHold(0n, 0n, 0n)).toBe(0n);
    expect(amountToHold(10n ** 15n, 1n, undefined)).toBe(10n ** 15n);
  });

  it('refuses a negative amount', () => {
    expect(() => amountToHold(-1n, 0n, 10n)).toThrow(RangeError);
  });
});

describe('splitCharge and chargeFor', () => {
  it('pays included first, then prepaid, then pay-as-you-go', () => {
    expect(splitCharge(70n, { includedLeftNanoUsd: 50n, prepaidLeftNanoUsd: 10n })).toEqual({
      includedNanoUsd: 50n,
      prepaidNanoUsd: 10n,
      payAsYouGoNanoUsd: 10n,
    });
    expect(splitCharge(5n, { includedLeftNanoUsd: -3n, prepaidLeftNanoUsd: 10n })).toEqual({
      includedNanoUsd: 0n,
      prepaidNanoUsd: 5n,
      payAsYouGoNanoUsd: 0n,
    });
  });

  it('charges the cost up to the hold', () => {
    expect(chargeFor(30n, 50n)).toBe(30n);
    expect(chargeFor(80n, 50n)).toBe(50n);
    expect(chargeFor(-1n, 50n)).toBe(0n);
  });
});

describe('included-only holds', () => {
  const position = { ...empty, includedUsedNanoUsd: 30n, includedHeldNanoUsd: 20n, heldNanoUsd: 20n };

  it('hold what included credits leave after other included-only holds, within what the account can pay', () => {
    expect(
      availableIncludedCredit({
        ...position,
        payAsYouGoLimitNanoUsd: undefined,
        prepaidGrantedNanoUsd: 500n,
      }),
    ).toBe(50n);
    expect(availableIncludedCredit({ ...position, heldNanoUsd: 60n })).toBe(10n);
    expect(availableIncludedCredit({ ...position, includedHeldNanoUsd: 90n })).toBe(0n);
  });

  it('are paid from included credits alone; ordinary holds leave what they reserve', () => {
    const balances = { includedLeftNanoUsd: 100n, includedHeldNanoUsd: 60n, prepaidLeftNanoUsd: 50n };
    expect(settleHold(70n, { amountNanoUsd: 80n }, balances)).toEqual({
      chargeNanoUsd: 70n,
      split: { includedNanoUsd: 40n, prepaidNanoUsd: 30n, payAsYouGoNanoUsd: 0n },
    });
    expect(settleHold(70n, { amountNanoUsd: 60n, includedOnly: true }, balances)).toEqual({
      chargeNanoUsd: 60n,
      split: { includedNanoUsd: 60n, prepaidNanoUsd: 0n, payAsYouGoNanoUsd: 0n },
    });
    // The allowance fell below what was held: never paid from prepaid credits, charged what included credits cover.
    expect(
      settleHold(50n, { amountNanoUsd: 60n, includedOnly: true }, { ...balances, includedLeftNanoUsd: 20n }),
    ).toEqual({
      chargeNanoUsd: 20n,
      split: { includedNanoUsd: 20n, prepaidNanoUsd: 0n, payAsYouGoNanoUsd: 0n },
    });
  });
});
