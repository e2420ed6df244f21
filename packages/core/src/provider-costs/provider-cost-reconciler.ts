/**
 * The provider cost reconciler (decision 0021): every minute, one gateway instance (under a store lease) asks each
 * provider's billing API for the costs of its requests that wait for one, settles each hold at the reported cost
 * (never above the hold), and releases the holds still unpriced at their deadline: those requests are not charged.
 * Request records get the final cost. Every step is idempotent (the ledger closes a hold once, the billing API
 * answers the same cost again), so a run that dies half-way is finished by the next.
 */
import { MAX_BILLING_API_BATCH, type ProviderBillingApiV1 } from '@tollgate/provider-spec';
import type { UpstreamTarget } from '@tollgate/provider-utils';
import { LeasedRun } from '../credits/leased-run.js';
import type { UpstreamCallOptions } from '../execution/upstream-call-options.js';
import { type KernelLogger, silentLogger } from '../kernel/logger.js';
import type { NanoUsd } from '../pricing/nano-usd.js';
import type { LedgerRecoveryRepository } from '../store/ledger-recovery-repository.js';
import type { LedgerRepository } from '../store/ledger-repository.js';
import type { PendingProviderCost, ProviderCostRepository } from '../store/provider-cost-repository.js';
import type { RequestRecordRepository, RequestRecordRepricing } from '../store/request-record-repository.js';
import { fetchProviderCosts } from './fetch-provider-costs.js';

/** The lease every instance's provider cost reconciler claims. */
export const PROVIDER_COST_RECONCILER_LEASE = 'provider-cost-reconciler';

export const DEFAULT_PROVIDER_COST_SCHEDULE = Object.freeze({
  /** Hugging Face's job runs every minute. */
  intervalMs: 60 * 1000,
  /** Pending requests read per run; the next run takes the rest. */
  batchSize: 10_000,
});

export interface ProviderCostReconcilerOptions {
  /** Between runs; default 60 s; 0 or less runs only on `runOnce`. */
  readonly intervalMs?: number;
  readonly batchSize?: number;
  /** How long a run may hold the lease; default 5 min. */
  readonly leaseMs?: number;
}

/** Where one provider's billing API is and how to call it. */
export interface ProviderBillingTarget {
  readonly target: UpstreamTarget;
  readonly billingApi: ProviderBillingApiV1;
}

export interface ProviderCostReconcilerDependencies {
  readonly ledger: Pick<LedgerRepository, 'settle' | 'release'>;
  readonly providerCosts: ProviderCostRepository;
  /** Records to reprice; without `reprice` they keep the placeholder (the ledger has the right charge). */
  readonly requests?: Pick<RequestRecordRepository, 'reprice'>;
  readonly leases: Pick<LedgerRecoveryRepository, 'claimLease' | 'releaseLease'>;
  /** The billing target of a provider; undefined when it has none any more (its requests then expire). */
  readonly billingTargetOf: (providerId: string) => ProviderBillingTarget | undefined;
  readonly callOptions?: UpstreamCallOptions;
  readonly logger?: KernelLogger;
  readonly now?: () => Date;
  readonly holder?: string;
}

export interface ProviderCostReport {
  /** False when another instance held the lease: this run did nothing. */
  readonly leased: boolean;
  /** Request ids asked about. */
  readonly asked: number;
  /** Holds settled at the provider's cost. */
  readonly reported: number;
  /** Holds released at their deadline, unpriced: not charged. */
  readonly unbilled: number;
  /** Billing calls that failed (retried on the next run). */
  readonly failedCalls: number;
  readonly chargedNanoUsd: NanoUsd;
}

type MutableReport = { -readonly [Key in keyof ProviderCostReport]: ProviderCostReport[Key] };

const emptyReport = (): MutableReport => ({
  leased: true,
  asked: 0,
  reported: 0,
  unbilled: 0,
  failedCalls: 0,
  chargedNanoUsd: 0n,
});

/**
 * @example
 * const reconciler = new ProviderCostReconciler({ ledger, providerCosts, requests, leases, billingTargetOf });
 * reconciler.start(); // every minute
 * const report = await reconciler.runOnce();
 */
export class ProviderCostReconciler {
  private readonly batchSize: number;
  private readonly logger: KernelLogger;
  private readonly job: LeasedRun<ProviderCostReport>;

  constructor(
    private readonly dependencies: ProviderCostReconcilerDependencies,
    options: ProviderCostReconcilerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? DEFAULT_PROVIDER_COST_SCHEDULE.batchSize;
    this.logger = dependencies.logger ?? silentLogger;
    this.job = new LeasedRun({
      lease: PROVIDER_COST_RECONCILER_LEASE,
      leases: dependencies.leases,
      ...(dependencies.holder !== undefined ? { holder: dependencies.holder } : {}),
      leaseMs: options.leaseMs ?? 5 * 60 * 1000,
      intervalMs: options.intervalMs ?? DEFAULT_PROVIDER_COST_SCHEDULE.intervalMs,
      now: dependencies.now ?? (() => new Date()),
      logger: this.logger,
      failureMessage: 'provider cost reconciliation failed',
      work: (now) => this.reconcile(now),
      notLeased: () => ({ ...emptyReport(), leased: false }),
    });
  }

  /** Runs on the schedule (the first run one interval from now). Idempotent. */
  start(): void {
    this.job.start();
  }

  /** One run now (after the one in flight); resolves to what it did. */
  runOnce(): Promise<ProviderCostReport> {
    return this.job.runOnce();
  }

  /** Cancels the schedule and waits for a run in flight. */
  stop(): Promise<void> {
    return this.job.stop();
  }

  private async reconcile(now: Date): Promise<ProviderCostReport> {
    const { providerCosts } = this.dependencies;
    const report = emptyReport();
    const due = await providerCosts.listDue({ now: now.toISOString(), limit: this.batchSize });
    const byProvider = new Map<string, PendingProviderCost[]>();
    for (const row of due) {
      const rows = byProvider.get(row.providerId) ?? [];
      rows.push(row);
      byProvider.set(row.providerId, rows);
    }
    for (const [providerId, rows] of byProvider) {
      for (let start = 0; start < rows.length; start += MAX_BILLING_API_BATCH) {
        await this.reconcileBatch(providerId, rows.slice(start, start + MAX_BILLING_API_BATCH), now, report);
      }
    }
    if (due.length > 0) {
      this.logger.info(
        { ...report, chargedNanoUsd: String(report.chargedNanoUsd) },
        'provider costs reconciled',
      );
    }
    return report;
  }

  private async reconcileBatch(
    providerId: string,
    rows: readonly PendingProviderCost[],
    now: Date,
    report: MutableReport,
  ): Promise<void> {
    const billing = this.dependencies.billingTargetOf(providerId);
    let costs: ReadonlyMap<string, NanoUsd> = new Map();
    if (billing !== undefined) {
      const requestIds = [...new Set(rows.map((row) => row.providerRequestId))];
      report.asked += requestIds.length;
      try {
        const answer = await fetchProviderCosts({
          ...billing,
          requestIds,
          ...(this.dependencies.callOptions ? { callOptions: this.dependencies.callOptions } : {}),
        });
        costs = answer.costs;
        if (answer.invalid.length > 0) {
          this.logger.warn(
            { provider: providerId, providerRequestIds: answer.invalid.slice(0, 20) },
            'the billing API answered invalid costs; they are asked for again',
          );
        }
      } catch (error) {
        report.failedCalls += 1;
        this.logger.warn(
          { err: error, provider: providerId },
          'the billing API call failed; retried next run',
        );
      }
    }
    for (const row of rows) {
      const cost = costs.get(row.providerRequestId);
      if (cost !== undefined) await this.settle(row, cost, now, report);
      else if (Date.parse(row.deadline) <= now.getTime()) await this.expire(row, report);
    }
  }

  private async settle(
    row: PendingProviderCost,
    cost: NanoUsd,
    now: Date,
    report: MutableReport,
  ): Promise<void> {
    const key = { requestId: row.requestId, attempt: row.attempt };
    const settled = await this.dependencies.ledger.settle({ ...key, costNanoUsd: cost });
    if (settled.outcome === 'unknown-hold') {
      this.logger.error({ ...key }, 'a request waiting for its provider cost has no hold in the ledger');
      await this.dependencies.providerCosts.remove(key);
      return;
    }
    const released = settled.outcome === 'already-released';
    const charged = released ? 0n : settled.entry.amountNanoUsd;
    if (settled.outcome === 'settled') {
      report.reported += 1;
      report.chargedNanoUsd += charged;
      if (cost > charged) {
        this.logger.warn(
          { ...key, provider: row.providerId, costNanoUsd: String(cost), chargedNanoUsd: String(charged) },
          'the provider reported more than the request held; the excess is not charged',
        );
      }
    }
    const recorded = await this.reprice(row.requestId, {
      costNanoUsd: released ? 0n : (settled.entry.costNanoUsd ?? cost),
      chargedNanoUsd: charged,
      providerCost: released ? 'unbilled' : 'reported',
    });
    // The request's own record may not be written yet (it follows the answer); the next run writes it then.
    if (recorded || Date.parse(row.deadline) <= now.getTime())
      await this.dependencies.providerCosts.remove(key);
  }

  private async expire(row: PendingProviderCost, report: MutableReport): Promise<void> {
    const key = { requestId: row.requestId, attempt: row.attempt };
    const released = await this.dependencies.ledger.release(key);
    if (released.outcome === 'released') {
      report.unbilled += 1;
      this.logger.warn(
        { ...key, provider: row.providerId, providerRequestId: row.providerRequestId },
        'the provider never priced the request before its deadline; it is not charged',
      );
    }
    if (released.outcome === 'already-settled') {
      await this.reprice(row.requestId, {
        costNanoUsd: released.entry.costNanoUsd ?? released.entry.amountNanoUsd,
        chargedNanoUsd: released.entry.amountNanoUsd,
        providerCost: 'reported',
      });
    } else {
      await this.reprice(row.requestId, { costNanoUsd: 0n, chargedNanoUsd: 0n, providerCost: 'unbilled' });
    }
    await this.dependencies.providerCosts.remove(key);
  }

  /** True when the record was repriced, or there is no way to reprice records. */
  private async reprice(requestId: string, repricing: RequestRecordRepricing): Promise<boolean> {
    const reprice = this.dependencies.requests?.reprice;
    if (reprice === undefined) return true;
    try {
      return await reprice.call(this.dependencies.requests, requestId, repricing);
    } catch (error) {
      this.logger.error(
        { err: error, requestId },
        'could not write the provider cost into the request record',
      );
      return false;
    }
  }
}
