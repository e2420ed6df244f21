/**
 * The ledger's money rules as pure functions, so that every store decides a reservation and splits a charge the
 * same way; a store only has to read its rows under a lock, call these, and write the result.
 */
import type { NanoUsd } from '../pricing/nano-usd.js';
import type {
  LedgerAccountBalanceRow,
  LedgerBalance,
  LedgerPeriodBalanceRow,
} from '../store/ledger-repository.js';

export interface AccountPosition {
  readonly includedNanoUsd: NanoUsd;
  readonly includedUsedNanoUsd: NanoUsd;
  /** Undefined for unlimited pay-as-you-go. */
  readonly payAsYouGoLimitNanoUsd: NanoUsd | undefined;
  readonly payAsYouGoUsedNanoUsd: NanoUsd;
  readonly prepaidGrantedNanoUsd: NanoUsd;
  readonly prepaidUsedNanoUsd: NanoUsd;
  /** Every open hold of the account, whatever its period. */
  readonly heldNanoUsd: NanoUsd;
}

function nonNegative(value: NanoUsd): NanoUsd {
  return value < 0n ? 0n : value;
}

// Math.min does not take bigint.
function smaller(left: NanoUsd, right: NanoUsd): NanoUsd {
  return left < right ? left : right;
}

/**
 * What the account can still hold: included left + prepaid left + pay-as-you-go left, minus open holds; undefined
 * when pay-as-you-go is unlimited.
 *
 * @example
 * availableCredit({ includedNanoUsd: 100n, includedUsedNanoUsd: 30n, payAsYouGoLimitNanoUsd: 0n,
 *   payAsYouGoUsedNanoUsd: 0n, prepaidGrantedNanoUsd: 0n, prepaidUsedNanoUsd: 0n, heldNanoUsd: 20n }); // 50n
 */
export function availableCredit(position: AccountPosition): NanoUsd | undefined {
  if (position.payAsYouGoLimitNanoUsd === undefined) return undefined;
  const included = nonNegative(position.includedNanoUsd - position.includedUsedNanoUsd);
  const prepaid = nonNegative(position.prepaidGrantedNanoUsd - position.prepaidUsedNanoUsd);
  const payAsYouGo = nonNegative(position.payAsYouGoLimitNanoUsd - position.payAsYouGoUsedNanoUsd);
  return nonNegative(included + prepaid + payAsYouGo - position.heldNanoUsd);
}

/**
 * How much of `amount` to hold given `available` (undefined: unlimited): all of it when it fits, else as much as
 * is available when that is at least `minimum`, else nothing (undefined).
 */
export function amountToHold(
  amount: NanoUsd,
  minimum: NanoUsd,
  available: NanoUsd | undefined,
): NanoUsd | undefined {
  if (amount < 0n || minimum < 0n) throw new RangeError('A reservation cannot be negative.');
  if (available === undefined || amount <= available) return amount;
  if (minimum <= available) return available;
  return undefined;
}

export interface ChargeSplit {
  readonly includedNanoUsd: NanoUsd;
  readonly prepaidNanoUsd: NanoUsd;
  readonly payAsYouGoNanoUsd: NanoUsd;
}

/**
 * Pays `charge` from included credits left in the hold's period first, then prepaid credits left, then
 * pay-as-you-go.
 *
 * @example
 * splitCharge(70n, { includedLeftNanoUsd: 50n, prepaidLeftNanoUsd: 10n }); // 50n, 10n, 10n
 */
export function splitCharge(
  charge: NanoUsd,
  { includedLeftNanoUsd, prepaidLeftNanoUsd }: { includedLeftNanoUsd: NanoUsd; prepaidLeftNanoUsd: NanoUsd },
): ChargeSplit {
  const included = smaller(charge, nonNegative(includedLeftNanoUsd));
  const rest = charge - included;
  const prepaid = smaller(rest, nonNegative(prepaidLeftNanoUsd));
  return { includedNanoUsd: included, prepaidNanoUsd: prepaid, payAsYouGoNanoUsd: rest - prepaid };
}

/** The charge for a request that cost `cost` under a hold of `held`: never more than the hold, never negative. */
export function chargeFor(cost: NanoUsd, held: NanoUsd): NanoUsd {
  return smaller(nonNegative(cost), held);
}

/**
 * What an included-only reservation (a provider not integrated with billing) may hold: the period's included
 * credits left, net of its other included-only holds, and never more than `availableCredit` (other open holds may
 * need the rest of the account's credit).
 *
 * @example
 * availableIncludedCredit({ includedNanoUsd: 100n, includedUsedNanoUsd: 30n, includedHeldNanoUsd: 20n,
 *   payAsYouGoLimitNanoUsd: undefined, payAsYouGoUsedNanoUsd: 0n, prepaidGrantedNanoUsd: 500n,
 *   prepaidUsedNanoUsd: 0n, heldNanoUsd: 20n }); // 50n
 */
export function availableIncludedCredit(
  position: AccountPosition & { readonly includedHeldNanoUsd: NanoUsd },
): NanoUsd {
  const included = nonNegative(
    position.includedNanoUsd - position.includedUsedNanoUsd - position.includedHeldNanoUsd,
  );
  const total = availableCredit(position);
  return total === undefined ? included : smaller(included, total);
}

export interface HoldSettlement {
  readonly chargeNanoUsd: NanoUsd;
  readonly split: ChargeSplit;
}

/**
 * How a hold is paid when it settles at `cost`. Included credits that the period's open included-only holds
 * reserve are not this settlement's to take, unless it is one of them. An ordinary hold pays with `splitCharge`
 * from what is left; an included-only hold pays from included credits alone, and is charged at most what they
 * still cover (less than its cost only if the period's allowance was lowered while it was open).
 *
 * @example
 * settleHold(70n, { amountNanoUsd: 80n }, { includedLeftNanoUsd: 100n, includedHeldNanoUsd: 60n,
 *   prepaidLeftNanoUsd: 50n }); // charge 70n: 40n included, 30n prepaid
 */
export function settleHold(
  cost: NanoUsd,
  hold: { readonly amountNanoUsd: NanoUsd; readonly includedOnly?: boolean | undefined },
  {
    includedLeftNanoUsd,
    includedHeldNanoUsd,
    prepaidLeftNanoUsd,
  }: { includedLeftNanoUsd: NanoUsd; includedHeldNanoUsd: NanoUsd; prepaidLeftNanoUsd: NanoUsd },
): HoldSettlement {
  const reservedByOthers = includedHeldNanoUsd - (hold.includedOnly === true ? hold.amountNanoUsd : 0n);
  const includedFree = nonNegative(includedLeftNanoUsd - nonNegative(reservedByOthers));
  const charge = chargeFor(cost, hold.amountNanoUsd);
  if (hold.includedOnly === true) {
    const paid = smaller(charge, includedFree);
    return {
      chargeNanoUsd: paid,
      split: { includedNanoUsd: paid, prepaidNanoUsd: 0n, payAsYouGoNanoUsd: 0n },
    };
  }
  return {
    chargeNanoUsd: charge,
    split: splitCharge(charge, { includedLeftNanoUsd: includedFree, prepaidLeftNanoUsd }),
  };
}

/**
 * An account's balance in one period from its two materialized rows, either of which may not exist yet: before the
 * account's first reservation of the period nothing is included and nothing may be spent pay-as-you-go.
 */
export function ledgerBalance(
  accountId: string,
  period: string,
  account: Omit<LedgerAccountBalanceRow, 'accountId'> | undefined,
  periodRow: Omit<LedgerPeriodBalanceRow, 'accountId' | 'period' | 'heldNanoUsd'> | undefined,
): LedgerBalance {
  return {
    accountId,
    period,
    includedNanoUsd: periodRow?.includedNanoUsd ?? 0n,
    includedUsedNanoUsd: periodRow?.includedUsedNanoUsd ?? 0n,
    payAsYouGoLimitNanoUsd: periodRow === undefined ? 0n : periodRow.payAsYouGoLimitNanoUsd,
    payAsYouGoUsedNanoUsd: periodRow?.payAsYouGoUsedNanoUsd ?? 0n,
    prepaidGrantedNanoUsd: account?.prepaidGrantedNanoUsd ?? 0n,
    prepaidUsedNanoUsd: account?.prepaidUsedNanoUsd ?? 0n,
    heldNanoUsd: account?.heldNanoUsd ?? 0n,
    includedHeldNanoUsd: periodRow?.includedHeldNanoUsd ?? 0n,
  };
}
