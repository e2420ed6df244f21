/**
 * A `LedgerRepository` in Maps: the contract at its plainest, checked by the same conformance scenarios as the real
 * stores. Every method runs to completion without awaiting in between, so each is atomic in one process. For tests
 * that charge without a database; nothing is persisted.
 */
import {
  amountToHold,
  availableCredit,
  availableIncludedCredit,
  ledgerBalance,
  settleHold,
} from '../../credits/ledger-arithmetic.js';
import type {
  LedgerAccountBalanceRow,
  LedgerEntry,
  LedgerHold,
  LedgerPeriodBalanceRow,
  LedgerRepository,
} from '../ledger-repository.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const holdKey = (requestId: string, attempt: number): string => `${attempt} ${requestId}`;
const periodKey = (accountId: string, period: string): string => `${accountId} ${period}`;

/**
 * @example
 * const ledger = createInMemoryLedgerRepository();
 * await ledger.grant({ accountId, period: '2026-03', grantId: 'welcome', amountNanoUsd: 1_000_000_000n });
 */
export function createInMemoryLedgerRepository(): LedgerRepository {
  const entries: LedgerEntry[] = [];
  const holds = new Map<string, LedgerEntry>();
  const closings = new Map<string, LedgerEntry>();
  const grants = new Map<string, LedgerEntry>();
  const openHolds = new Map<string, LedgerHold>();
  const accounts = new Map<string, Mutable<LedgerAccountBalanceRow>>();
  const periods = new Map<string, Mutable<LedgerPeriodBalanceRow>>();

  const account = (accountId: string): Mutable<LedgerAccountBalanceRow> => {
    let row = accounts.get(accountId);
    if (row === undefined) {
      row = { accountId, prepaidGrantedNanoUsd: 0n, prepaidUsedNanoUsd: 0n, heldNanoUsd: 0n };
      accounts.set(accountId, row);
    }
    return row;
  };
  const periodRow = (accountId: string, period: string): Mutable<LedgerPeriodBalanceRow> => {
    let row = periods.get(periodKey(accountId, period));
    if (row === undefined) {
      row = {
        accountId,
        period,
        includedNanoUsd: 0n,
        payAsYouGoLimitNanoUsd: 0n,
        includedUsedNanoUsd: 0n,
        payAsYouGoUsedNanoUsd: 0n,
        heldNanoUsd: 0n,
        includedHeldNanoUsd: 0n,
      };
      periods.set(periodKey(accountId, period), row);
    }
    return row;
  };
  const append = (entry: Omit<LedgerEntry, 'sequence' | 'createdAt'>): LedgerEntry => {
    const written: LedgerEntry = Object.freeze({
      ...entry,
      sequence: BigInt(entries.length + 1),
      createdAt: new Date().toISOString(),
    });
    entries.push(written);
    return written;
  };
  const toHold = (entry: LedgerEntry): LedgerHold => ({
    accountId: entry.accountId,
    period: entry.period,
    requestId: entry.requestId,
    attempt: entry.attempt,
    amountNanoUsd: entry.amountNanoUsd,
    createdAt: entry.createdAt,
    ...(entry.includedOnly === true ? { includedOnly: true } : {}),
  });
  const close = (
    key: string,
    kind: 'settle' | 'release',
    costNanoUsd: bigint | undefined,
  ): { outcome: 'closed' | 'already'; entry: LedgerEntry } | undefined => {
    const existing = closings.get(key);
    if (existing !== undefined) return { outcome: 'already', entry: existing };
    const hold = holds.get(key);
    if (hold === undefined) return undefined;
    const accountRow = account(hold.accountId);
    const periodBalance = periodRow(hold.accountId, hold.period);
    const { chargeNanoUsd: charge, split } = settleHold(kind === 'settle' ? (costNanoUsd ?? 0n) : 0n, hold, {
      includedLeftNanoUsd: periodBalance.includedNanoUsd - periodBalance.includedUsedNanoUsd,
      includedHeldNanoUsd: periodBalance.includedHeldNanoUsd,
      prepaidLeftNanoUsd: accountRow.prepaidGrantedNanoUsd - accountRow.prepaidUsedNanoUsd,
    });
    const entry = append({
      accountId: hold.accountId,
      period: hold.period,
      kind,
      requestId: hold.requestId,
      attempt: hold.attempt,
      amountNanoUsd: kind === 'settle' ? charge : hold.amountNanoUsd,
      costNanoUsd: kind === 'settle' ? costNanoUsd : undefined,
      ...split,
    });
    closings.set(key, entry);
    openHolds.delete(key);
    accountRow.heldNanoUsd -= hold.amountNanoUsd;
    accountRow.prepaidUsedNanoUsd += split.prepaidNanoUsd;
    periodBalance.heldNanoUsd -= hold.amountNanoUsd;
    if (hold.includedOnly === true) periodBalance.includedHeldNanoUsd -= hold.amountNanoUsd;
    periodBalance.includedUsedNanoUsd += split.includedNanoUsd;
    periodBalance.payAsYouGoUsedNanoUsd += split.payAsYouGoNanoUsd;
    return { outcome: 'closed', entry };
  };

  return {
    async reserve({
      accountId,
      period,
      requestId,
      attempt,
      amountNanoUsd,
      minimumNanoUsd,
      allowance,
      includedOnly,
    }) {
      const key = holdKey(requestId, attempt);
      const existing = holds.get(key);
      if (existing !== undefined) return { outcome: 'existing', hold: toHold(existing) };
      const accountRow = account(accountId);
      const periodBalance = periodRow(accountId, period);
      periodBalance.includedNanoUsd = allowance.includedNanoUsd;
      periodBalance.payAsYouGoLimitNanoUsd = allowance.payAsYouGoLimitNanoUsd;
      const position = { ...periodBalance, ...accountRow };
      const available = includedOnly === true ? availableIncludedCredit(position) : availableCredit(position);
      const amount = amountToHold(amountNanoUsd, minimumNanoUsd ?? amountNanoUsd, available);
      if (amount === undefined) return { outcome: 'insufficient', availableNanoUsd: available ?? 0n };
      const entry = append({
        accountId,
        period,
        kind: 'hold',
        requestId,
        attempt,
        amountNanoUsd: amount,
        costNanoUsd: undefined,
        includedNanoUsd: 0n,
        prepaidNanoUsd: 0n,
        payAsYouGoNanoUsd: 0n,
        ...(includedOnly === true ? { includedOnly: true } : {}),
      });
      holds.set(key, entry);
      const hold = toHold(entry);
      openHolds.set(key, hold);
      accountRow.heldNanoUsd += amount;
      periodBalance.heldNanoUsd += amount;
      if (includedOnly === true) periodBalance.includedHeldNanoUsd += amount;
      return { outcome: 'held', hold };
    },
    async settle({ requestId, attempt, costNanoUsd }) {
      if (costNanoUsd < 0n) throw new RangeError('A cost cannot be negative.');
      const closed = close(holdKey(requestId, attempt), 'settle', costNanoUsd);
      if (closed === undefined) return { outcome: 'unknown-hold' };
      if (closed.outcome === 'closed') return { outcome: 'settled', entry: closed.entry };
      return {
        outcome: closed.entry.kind === 'settle' ? 'already-settled' : 'already-released',
        entry: closed.entry,
      };
    },
    async release({ requestId, attempt }) {
      const closed = close(holdKey(requestId, attempt), 'release', undefined);
      if (closed === undefined) return { outcome: 'unknown-hold' };
      if (closed.outcome === 'closed') return { outcome: 'released', entry: closed.entry };
      return {
        outcome: closed.entry.kind === 'settle' ? 'already-settled' : 'already-released',
        entry: closed.entry,
      };
    },
    async grant({ accountId, period, grantId, amountNanoUsd }) {
      if (amountNanoUsd <= 0n) throw new RangeError('A grant must be positive.');
      const existing = grants.get(grantId);
      if (existing !== undefined) return { outcome: 'existing', entry: existing };
      const entry = append({
        accountId,
        period,
        kind: 'grant',
        requestId: grantId,
        attempt: 0,
        amountNanoUsd,
        costNanoUsd: undefined,
        includedNanoUsd: 0n,
        prepaidNanoUsd: 0n,
        payAsYouGoNanoUsd: 0n,
      });
      grants.set(grantId, entry);
      account(accountId).prepaidGrantedNanoUsd += amountNanoUsd;
      return { outcome: 'granted', entry };
    },
    async balance(accountId, period) {
      return ledgerBalance(
        accountId,
        period,
        accounts.get(accountId),
        periods.get(periodKey(accountId, period)),
      );
    },
    async listOpenHolds({ createdBefore, limit } = {}) {
      const open = [...openHolds.values()]
        .filter((hold) => createdBefore === undefined || hold.createdAt < createdBefore)
        .sort((left, right) =>
          left.createdAt < right.createdAt ? -1 : left.createdAt > right.createdAt ? 1 : 0,
        );
      return limit === undefined ? open : open.slice(0, limit);
    },
    async listEntries({ accountId } = {}) {
      return entries.filter((entry) => accountId === undefined || entry.accountId === accountId);
    },
    async snapshot() {
      return {
        entries: [...entries],
        openHolds: [...openHolds.values()],
        accounts: [...accounts.values()].map((row) => ({ ...row })),
        periods: [...periods.values()].map((row) => ({ ...row })),
      };
    },
  };
}
