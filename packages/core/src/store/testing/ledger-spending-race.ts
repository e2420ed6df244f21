/**
 * A race of many clients spending one account's credit at once, through one or several ledgers (store objects on
 * one database, standing in for gateway instances). Shared by the store conformance suite and the stores' own
 * multi-instance tests.
 */
import type { BillingAllowance } from '../../billing/billing-account.js';
import type { LedgerRepository } from '../ledger-repository.js';

export interface SpendingRaceOptions {
  readonly accountId: string;
  readonly period: string;
  readonly allowance: BillingAllowance;
  /** How many clients race. */
  readonly clients: number;
  /** What each request asks to hold; it accepts any smaller hold of at least one nano-dollar. */
  readonly requestNanoUsd: bigint;
  /** Every how many-th request fails upstream and is released, then tried again as the next attempt. */
  readonly failEvery: number;
  /** Reserve against included credits only (a provider not integrated with billing). */
  readonly includedOnly?: boolean;
  /** Starts every request id, so that races run at once on one ledger keep apart; default `race`. */
  readonly requestPrefix?: string;
}

export interface SpendingRaceReport {
  readonly chargedNanoUsd: bigint;
  readonly settled: number;
  readonly released: number;
  readonly refused: number;
}

/**
 * Each client repeats reserve-then-settle (charging the whole hold) until a reservation is refused; every
 * `failEvery`-th request is released instead, and its client tries again with the next attempt number. Clients are
 * spread over `ledgers` round-robin. When every client has stopped, every hold is closed, so a sound ledger has
 * charged exactly what the account had.
 */
export async function runSpendingRace(
  ledgers: readonly LedgerRepository[],
  {
    accountId,
    period,
    allowance,
    clients,
    requestNanoUsd,
    failEvery,
    includedOnly,
    requestPrefix = 'race',
  }: SpendingRaceOptions,
): Promise<SpendingRaceReport> {
  let chargedNanoUsd = 0n;
  let settled = 0;
  let released = 0;
  let refused = 0;
  let requests = 0;
  const client = async (index: number): Promise<void> => {
    const ledger = ledgers[index % ledgers.length] as LedgerRepository;
    let round = 0;
    let attempt = 1;
    for (;;) {
      const requestId = `${requestPrefix}-${index}-${round}`;
      const reserved = await ledger.reserve({
        accountId,
        period,
        requestId,
        attempt,
        amountNanoUsd: requestNanoUsd,
        minimumNanoUsd: 1n,
        allowance,
        ...(includedOnly === true ? { includedOnly } : {}),
      });
      if (reserved.outcome === 'insufficient') {
        refused += 1;
        return;
      }
      requests += 1;
      if (requests % failEvery === 0) {
        const release = await ledger.release({ requestId, attempt });
        if (release.outcome !== 'released')
          throw new Error(`Release of ${requestId} was ${release.outcome}.`);
        released += 1;
        attempt += 1;
        continue;
      }
      const settlement = await ledger.settle({
        requestId,
        attempt,
        costNanoUsd: reserved.hold.amountNanoUsd,
      });
      if (settlement.outcome !== 'settled')
        throw new Error(`Settlement of ${requestId} was ${settlement.outcome}.`);
      chargedNanoUsd += settlement.entry.amountNanoUsd;
      settled += 1;
      round += 1;
      attempt = 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
  return { chargedNanoUsd, settled, released, refused };
}
