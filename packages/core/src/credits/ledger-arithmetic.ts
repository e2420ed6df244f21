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
  };
}
