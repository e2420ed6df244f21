/** Checks every invariant of a ledger snapshot: what `tollgate ledger verify` reports. */
import type { LedgerEntry, LedgerHold, LedgerSnapshot } from '../store/ledger-repository.js';

export type LedgerViolationCode =
  | 'negative_amount'
  | 'duplicate_entry'
  | 'closing_without_hold'
  | 'closing_mismatch'
  | 'closed_twice'
  | 'charge_exceeds_hold'
  | 'charge_exceeds_cost'
  | 'split_mismatch'
  | 'request_charged_twice'
  | 'open_holds_mismatch'
  | 'balance_mismatch'
  | 'overspent'
  | 'included_only_paid_otherwise';

export interface LedgerViolation {
  readonly code: LedgerViolationCode;
  readonly message: string;
}

const key = (requestId: string, attempt: number): string => `${requestId}#${attempt}`;

function sumBy<T>(
  items: Iterable<T>,
  group: (item: T) => string,
  value: (item: T) => bigint,
): Map<string, bigint> {
  const sums = new Map<string, bigint>();
  for (const item of items) sums.set(group(item), (sums.get(group(item)) ?? 0n) + value(item));
  return sums;
}

/**
 * Every violation in `snapshot`, none for a sound ledger: each settle or release closes exactly one hold of the same
 * account and period; a charge never exceeds its hold or its cost and its split adds up; no request is charged
 * twice; an included-only hold is paid from included credits alone; the open holds are exactly the unclosed ones; every materialized balance equals the sum of its entries;
 * and nothing was spent past what the account had (included credits, prepaid credits, the pay-as-you-go limit).
 *
 * @example
 * const violations = verifyLedger(await store.ledger.snapshot());
 * if (violations.length > 0) process.exitCode = 1;
 */
export function verifyLedger(snapshot: LedgerSnapshot): LedgerViolation[] {
  const violations: LedgerViolation[] = [];
  const report = (code: LedgerViolationCode, message: string): void => {
    violations.push({ code, message });
  };
  const holds = new Map<string, LedgerEntry>();
  const closings = new Map<string, LedgerEntry>();
  const grants = new Set<string>();
  const settledRequests = new Map<string, LedgerEntry>();

  for (const entry of snapshot.entries) {
    const name = `${entry.kind} #${entry.sequence} (request ${entry.requestId}, attempt ${entry.attempt})`;
    for (const amount of [
      entry.amountNanoUsd,
      entry.includedNanoUsd,
      entry.prepaidNanoUsd,
      entry.payAsYouGoNanoUsd,
    ]) {
      if (amount < 0n) report('negative_amount', `${name} has a negative amount.`);
    }
    if (entry.kind === 'grant') {
      if (grants.has(entry.requestId))
        report('duplicate_entry', `Grant ${entry.requestId} was written twice.`);
      grants.add(entry.requestId);
      continue;
    }
    const id = key(entry.requestId, entry.attempt);
    if (entry.kind === 'hold') {
      if (holds.has(id)) report('duplicate_entry', `${name} repeats a hold.`);
      holds.set(id, entry);
      continue;
    }
    const hold = holds.get(id);
    if (hold === undefined) {
      report('closing_without_hold', `${name} closes no earlier hold.`);
    } else if (hold.accountId !== entry.accountId || hold.period !== entry.period) {
      report('closing_mismatch', `${name} is not in the account and period of its hold.`);
    }
    if (closings.has(id)) report('closed_twice', `${name} closes a hold that was already closed.`);
    closings.set(id, entry);
    if (entry.kind === 'release') {
      if (hold !== undefined && entry.amountNanoUsd !== hold.amountNanoUsd) {
        report(
          'closing_mismatch',
          `${name} releases ${entry.amountNanoUsd} of a hold of ${hold.amountNanoUsd}.`,
        );
      }
      continue;
    }
    if (hold !== undefined && entry.amountNanoUsd > hold.amountNanoUsd) {
      report(
        'charge_exceeds_hold',
        `${name} charges ${entry.amountNanoUsd} on a hold of ${hold.amountNanoUsd}.`,
      );
    }
    if (entry.costNanoUsd !== undefined && entry.amountNanoUsd > entry.costNanoUsd) {
      report(
        'charge_exceeds_cost',
        `${name} charges ${entry.amountNanoUsd} for a cost of ${entry.costNanoUsd}.`,
      );
    }
    if (entry.includedNanoUsd + entry.prepaidNanoUsd + entry.payAsYouGoNanoUsd !== entry.amountNanoUsd) {
      report('split_mismatch', `${name} pays ${entry.amountNanoUsd} with parts that do not add up to it.`);
    }
    if (hold?.includedOnly === true && entry.prepaidNanoUsd + entry.payAsYouGoNanoUsd > 0n) {
      report(
        'included_only_paid_otherwise',
        `${name} settles an included-only hold with prepaid credits or pay-as-you-go.`,
      );
    }
    const earlier = settledRequests.get(entry.requestId);
    if (earlier !== undefined) {
      report(
        'request_charged_twice',
        `Request ${entry.requestId} is settled by #${earlier.sequence} and again by #${entry.sequence}.`,
      );
    }
    settledRequests.set(entry.requestId, entry);
  }

  checkOpenHolds(snapshot.openHolds, holds, closings, report);
  checkBalances(
    snapshot,
    [...holds].filter(([id]) => !closings.has(id)).map(([, hold]) => hold),
    report,
  );
  return violations;
}

function checkOpenHolds(
  openHolds: readonly LedgerHold[],
  holds: ReadonlyMap<string, LedgerEntry>,
  closings: ReadonlyMap<string, LedgerEntry>,
  report: (code: LedgerViolationCode, message: string) => void,
): void {
  const listed = new Map(openHolds.map((hold) => [key(hold.requestId, hold.attempt), hold]));
  for (const [id, hold] of holds) {
    const open = listed.get(id);
    if (closings.has(id)) {
      if (open !== undefined) report('open_holds_mismatch', `Hold ${id} is closed but still listed as open.`);
    } else if (open === undefined) {
      report('open_holds_mismatch', `Hold ${id} is not closed but is missing from the open holds.`);
    } else if (
      open.amountNanoUsd !== hold.amountNanoUsd ||
      open.accountId !== hold.accountId ||
      (open.includedOnly === true) !== (hold.includedOnly === true)
    ) {
      report('open_holds_mismatch', `Open hold ${id} does not match its hold entry.`);
    }
  }
  for (const id of listed.keys()) {
    if (!holds.has(id)) report('open_holds_mismatch', `Open hold ${id} has no hold entry.`);
  }
}

function checkBalances(
  snapshot: LedgerSnapshot,
  unclosed: readonly LedgerEntry[],
  report: (code: LedgerViolationCode, message: string) => void,
): void {
  const settles = snapshot.entries.filter((entry) => entry.kind === 'settle');
  const byAccount = (entry: LedgerEntry): string => entry.accountId;
  const byPeriod = (entry: LedgerEntry): string => `${entry.accountId} ${entry.period}`;
  const granted = sumBy(
    snapshot.entries.filter((entry) => entry.kind === 'grant'),
    byAccount,
    (entry) => entry.amountNanoUsd,
  );
  const prepaidUsed = sumBy(settles, byAccount, (entry) => entry.prepaidNanoUsd);
  const heldByAccount = sumBy(unclosed, byAccount, (entry) => entry.amountNanoUsd);
  const heldByPeriod = sumBy(unclosed, byPeriod, (entry) => entry.amountNanoUsd);
  const includedHeldByPeriod = sumBy(
    unclosed.filter((entry) => entry.includedOnly === true),
    byPeriod,
    (entry) => entry.amountNanoUsd,
  );
  const includedUsed = sumBy(settles, byPeriod, (entry) => entry.includedNanoUsd);
  const payAsYouGoUsed = sumBy(settles, byPeriod, (entry) => entry.payAsYouGoNanoUsd);

  const compare = (what: string, materialized: bigint, derived: bigint): void => {
    if (materialized !== derived) {
      report('balance_mismatch', `${what} is ${materialized} but its entries sum to ${derived}.`);
    }
  };
  const accountIds = new Set([...granted.keys(), ...prepaidUsed.keys(), ...heldByAccount.keys()]);
  const accounts = new Map(snapshot.accounts.map((row) => [row.accountId, row]));
  for (const id of new Set([...accountIds, ...accounts.keys()])) {
    const row = accounts.get(id);
    compare(`Account ${id}'s prepaid granted`, row?.prepaidGrantedNanoUsd ?? 0n, granted.get(id) ?? 0n);
    compare(`Account ${id}'s prepaid used`, row?.prepaidUsedNanoUsd ?? 0n, prepaidUsed.get(id) ?? 0n);
    compare(`Account ${id}'s held`, row?.heldNanoUsd ?? 0n, heldByAccount.get(id) ?? 0n);
    if ((prepaidUsed.get(id) ?? 0n) > (granted.get(id) ?? 0n)) {
      report('overspent', `Account ${id} spent more prepaid credit than it was granted.`);
    }
  }
  const periods = new Map(snapshot.periods.map((row) => [`${row.accountId} ${row.period}`, row]));
  for (const id of new Set([...includedUsed.keys(), ...heldByPeriod.keys(), ...periods.keys()])) {
    const row = periods.get(id);
    compare(`Period ${id}'s included used`, row?.includedUsedNanoUsd ?? 0n, includedUsed.get(id) ?? 0n);
    compare(
      `Period ${id}'s pay-as-you-go used`,
      row?.payAsYouGoUsedNanoUsd ?? 0n,
      payAsYouGoUsed.get(id) ?? 0n,
    );
    compare(`Period ${id}'s held`, row?.heldNanoUsd ?? 0n, heldByPeriod.get(id) ?? 0n);
    compare(
      `Period ${id}'s included-only held`,
      row?.includedHeldNanoUsd ?? 0n,
      includedHeldByPeriod.get(id) ?? 0n,
    );
    if (row === undefined) continue;
    if (row.includedUsedNanoUsd > row.includedNanoUsd) {
      report('overspent', `Period ${id} used ${row.includedUsedNanoUsd} of ${row.includedNanoUsd} included.`);
    }
    if (row.payAsYouGoLimitNanoUsd !== undefined && row.payAsYouGoUsedNanoUsd > row.payAsYouGoLimitNanoUsd) {
      report(
        'overspent',
        `Period ${id} spent ${row.payAsYouGoUsedNanoUsd} pay-as-you-go past a limit of ${row.payAsYouGoLimitNanoUsd}.`,
      );
    }
  }
}
