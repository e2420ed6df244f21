/**
 * What an account spent in one billing period, and where: the money positions and every total come from the
 * ledger (the truth for money); the breakdowns by model, provider, day and member come from the request records,
 * with each request's charge taken from the ledger's settlement of it, so the breakdowns add up to the ledger's
 * total by construction. `reconciliation` says whether the records' own charges agree (decision 0017).
 */
import { isBillingPeriod } from '../billing/billing-period.js';
import type { NanoUsd } from '../pricing/nano-usd.js';
import type { LedgerRepository } from '../store/ledger-repository.js';
import type { RequestRecord, RequestRecordRepository } from '../store/request-record-repository.js';

/** One line of a breakdown. */
export interface UsageBreakdownRow {
  /** The model, provider, day (`YYYY-MM-DD`) or member user id; `(unrecorded)` for ledger charges without a record. */
  readonly key: string;
  readonly requests: number;
  readonly failedRequests: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** What the usage cost at the providers' rates (custom-key requests included, which the provider billed). */
  readonly costNanoUsd: NanoUsd;
  /** What the ledger charged. */
  readonly chargedNanoUsd: NanoUsd;
}

export interface UsageReconciliation {
  /** True when every charge in the ledger has a record that states the same amount, and no record claims more. */
  readonly agrees: boolean;
  /** The ledger's settlements of the period. */
  readonly ledgerChargedNanoUsd: NanoUsd;
  /** The same requests' charges as their records state them. */
  readonly recordedChargedNanoUsd: NanoUsd;
  /** Ledger charges of requests without a record (a record lost, or written after a month boundary). */
  readonly unrecordedNanoUsd: NanoUsd;
  /** Requests whose record states another charge than the ledger's, at most 20. */
  readonly mismatchedRequestIds: readonly string[];
}

export interface UsageSummary {
  readonly accountId: string;
  /** `YYYY-MM`, UTC. */
  readonly period: string;
  /** ISO-8601 UTC bounds of the period: [from, to). */
  readonly from: string;
  readonly to: string;
  readonly included: {
    readonly grantedNanoUsd: NanoUsd;
    readonly usedNanoUsd: NanoUsd;
    readonly leftNanoUsd: NanoUsd;
  };
  /** Prepaid credits belong to the account across periods: granted, used and left are its totals to date. */
  readonly prepaid: {
    readonly grantedNanoUsd: NanoUsd;
    readonly usedNanoUsd: NanoUsd;
    readonly leftNanoUsd: NanoUsd;
    /** The part of `usedNanoUsd` spent in this period. */
    readonly usedThisPeriodNanoUsd: NanoUsd;
  };
  readonly payAsYouGo: {
    /** Undefined: no limit. */
    readonly limitNanoUsd: NanoUsd | undefined;
    readonly spentNanoUsd: NanoUsd;
  };
  /** Open holds of the account now (requests in flight). */
  readonly heldNanoUsd: NanoUsd;
  /** Everything the ledger charged in the period: included + prepaid + pay-as-you-go spent in it. */
  readonly chargedNanoUsd: NanoUsd;
  readonly costNanoUsd: NanoUsd;
  readonly requests: number;
  readonly failedRequests: number;
  readonly byModel: readonly UsageBreakdownRow[];
  readonly byProvider: readonly UsageBreakdownRow[];
  readonly byDay: readonly UsageBreakdownRow[];
  /** By the member (user id) who made the request; for every account, one row per user seen. */
  readonly byMember: readonly UsageBreakdownRow[];
  readonly reconciliation: UsageReconciliation;
  /**
   * Requests whose provider reports the true cost later and has not yet (decision 0021): their `costNanoUsd` in the
   * breakdowns is the metered placeholder and their charge is still held; the final figures replace them once known.
   */
  readonly pendingProviderCost: { readonly requests: number; readonly placeholderNanoUsd: NanoUsd };
  /** The period's records with the ledger's charge of each, oldest first (for a CSV export). */
  readonly records: readonly (RequestRecord & { readonly ledgerChargedNanoUsd: NanoUsd })[];
}

export interface UsageSummaryServiceOptions {
  readonly ledger: Pick<LedgerRepository, 'balance' | 'listEntries'>;
  readonly requests: Pick<RequestRecordRepository, 'listForAccount'>;
}

/** A period's bounds: `2026-12` -> 2026-12-01T00:00:00.000Z up to 2027-01-01T00:00:00.000Z. */
export function periodBounds(period: string): { readonly from: string; readonly to: string } {
  if (!isBillingPeriod(period)) throw new RangeError(`'${period}' is not a billing period (YYYY-MM).`);
  const [year, month] = period.split('-').map(Number) as [number, number];
  return {
    from: new Date(Date.UTC(year, month - 1, 1)).toISOString(),
    to: new Date(Date.UTC(year, month, 1)).toISOString(),
  };
}

const UNRECORDED = '(unrecorded)';

export class UsageSummaryService {
  constructor(private readonly options: UsageSummaryServiceOptions) {}

  /**
   * @example
   * const summary = await usage.summarize(user.id, '2026-12');
   * summary.byModel[0]; // { key: 'openai/gpt-oss-120b', requests: 3, chargedNanoUsd: 41_250n, ... }
   */
  async summarize(accountId: string, period: string): Promise<UsageSummary> {
    const { from, to } = periodBounds(period);
    const [balance, entries, records] = await Promise.all([
      this.options.ledger.balance(accountId, period),
      this.options.ledger.listEntries({ accountId }),
      this.options.requests.listForAccount({ accountId, from, to }),
    ]);
    const charges = new Map<string, NanoUsd>();
    let prepaidThisPeriod = 0n;
    for (const entry of entries) {
      if (entry.kind !== 'settle' || entry.period !== period) continue;
      charges.set(entry.requestId, (charges.get(entry.requestId) ?? 0n) + entry.amountNanoUsd);
      prepaidThisPeriod += entry.prepaidNanoUsd;
    }
    const ledgerCharged = [...charges.values()].reduce((sum, amount) => sum + amount, 0n);

    const withCharges = records.map((record) => ({
      ...record,
      ledgerChargedNanoUsd: charges.get(record.requestId) ?? 0n,
    }));
    const recordedIds = new Set(records.map((record) => record.requestId));
    let unrecorded = 0n;
    for (const [requestId, amount] of charges) if (!recordedIds.has(requestId)) unrecorded += amount;
    const mismatched = withCharges
      .filter((record) => record.chargedNanoUsd !== record.ledgerChargedNanoUsd)
      .map((record) => record.requestId);
    const recordedCharged = withCharges
      .filter((record) => charges.has(record.requestId))
      .reduce((sum, record) => sum + record.chargedNanoUsd, 0n);

    const breakdown = (keyOf: (record: RequestRecord) => string) => {
      const rows = new Map<string, Mutable<UsageBreakdownRow>>();
      const row = (key: string) => {
        let found = rows.get(key);
        if (!found) {
          found = {
            key,
            requests: 0,
            failedRequests: 0,
            inputTokens: 0,
            outputTokens: 0,
            costNanoUsd: 0n,
            chargedNanoUsd: 0n,
          };
          rows.set(key, found);
        }
        return found;
      };
      for (const record of withCharges) {
        const line = row(keyOf(record));
        line.requests += 1;
        if (record.status !== 'ok') line.failedRequests += 1;
        line.inputTokens += record.units.inputTokens;
        line.outputTokens += record.units.outputTokens;
        line.costNanoUsd += record.costNanoUsd ?? 0n;
        line.chargedNanoUsd += record.ledgerChargedNanoUsd;
      }
      if (unrecorded > 0n) row(UNRECORDED).chargedNanoUsd += unrecorded;
      return [...rows.values()].sort(
        (left, right) =>
          descending(left.chargedNanoUsd, right.chargedNanoUsd) ||
          descending(left.costNanoUsd, right.costNanoUsd) ||
          (left.key < right.key ? -1 : left.key > right.key ? 1 : 0),
      );
    };

    const pending = records.filter((record) => record.providerCost === 'pending');
    const includedLeft = balance.includedNanoUsd - balance.includedUsedNanoUsd;
    const prepaidLeft = balance.prepaidGrantedNanoUsd - balance.prepaidUsedNanoUsd;
    return {
      accountId,
      period,
      from,
      to,
      included: {
        grantedNanoUsd: balance.includedNanoUsd,
        usedNanoUsd: balance.includedUsedNanoUsd,
        leftNanoUsd: includedLeft > 0n ? includedLeft : 0n,
      },
      prepaid: {
        grantedNanoUsd: balance.prepaidGrantedNanoUsd,
        usedNanoUsd: balance.prepaidUsedNanoUsd,
        leftNanoUsd: prepaidLeft > 0n ? prepaidLeft : 0n,
        usedThisPeriodNanoUsd: prepaidThisPeriod,
      },
      payAsYouGo: {
        limitNanoUsd: balance.payAsYouGoLimitNanoUsd,
        spentNanoUsd: balance.payAsYouGoUsedNanoUsd,
      },
      heldNanoUsd: balance.heldNanoUsd,
      chargedNanoUsd: ledgerCharged,
      costNanoUsd: records.reduce((sum, record) => sum + (record.costNanoUsd ?? 0n), 0n),
      requests: records.length,
      failedRequests: records.filter((record) => record.status !== 'ok').length,
      byModel: breakdown((record) => record.hfModelId ?? '(none)'),
      byProvider: breakdown((record) => record.providerId ?? '(none)'),
      byDay: breakdown((record) => record.createdAt.slice(0, 10)).sort((left, right) =>
        left.key < right.key ? -1 : left.key > right.key ? 1 : 0,
      ),
      byMember: breakdown((record) => record.userId),
      reconciliation: {
        agrees: unrecorded === 0n && mismatched.length === 0,
        ledgerChargedNanoUsd: ledgerCharged,
        recordedChargedNanoUsd: recordedCharged,
        unrecordedNanoUsd: unrecorded,
        mismatchedRequestIds: mismatched.slice(0, 20),
      },
      pendingProviderCost: {
        requests: pending.length,
        placeholderNanoUsd: pending.reduce((sum, record) => sum + (record.costNanoUsd ?? 0n), 0n),
      },
      records: withCharges,
    };
  }
}

const descending = (left: bigint, right: bigint) => (left > right ? -1 : left < right ? 1 : 0);

type Mutable<T> = { -readonly [Key in keyof T]: T[Key] };
