/**
 * The crash reconciler: closes holds that a crashed gateway instance left open. A hold older than `graceMs` (longer
 * than any request may run) belongs to a request that is over on every instance, because a live request closes its
 * own hold before its deadline. Such a hold is settled at its latest checkpoint (the metered cost its stream had
 * reached) or, without one, released with a warning. Settling and releasing are idempotent in the ledger, so a
 * reconciler that races the hold's own instance, or another reconciler, closes it once. One instance reconciles at a
 * time, under a lease in the store; every instance runs the schedule, so another takes over when the holder dies.
 */
import { type KernelLogger, silentLogger } from '../kernel/logger.js';
import type { NanoUsd } from '../pricing/nano-usd.js';
import type { LedgerCheckpoint, LedgerRecoveryRepository } from '../store/ledger-recovery-repository.js';
import type { LedgerHold, LedgerRepository } from '../store/ledger-repository.js';
import type { ProviderCostRepository } from '../store/provider-cost-repository.js';
import { NO_UNITS, type RequestRecordRepository } from '../store/request-record-repository.js';
import { LeasedRun } from './leased-run.js';

/** The status of a request record the reconciler writes for a stream a crash cut and its checkpoint paid for. */
export const INTERRUPTED_BY_CRASH = 'interrupted';

/** The lease every instance's reconciler claims. */
export const LEDGER_RECONCILER_LEASE = 'ledger-reconciler';

export const DEFAULT_LEDGER_RECONCILER_SCHEDULE = Object.freeze({
  /** Longer than a request may run (queued media jobs included), so no live request's hold is touched. */
  graceMs: 60 * 60 * 1000,
  intervalMs: 60 * 1000,
  batchSize: 500,
});

export interface LedgerReconcilerOptions {
  /** How old an open hold must be to count as orphaned; default 1 h. */
  readonly graceMs?: number;
  /** Between runs (the first runs at start); default 60 s; 0 or less runs only at start and on `runOnce`. */
  readonly intervalMs?: number;
  /** Holds closed per run at most; default 500 (the next run takes the rest). */
  readonly batchSize?: number;
  /** How long a run may hold the lease; default 5 min. */
  readonly leaseMs?: number;
}

export interface LedgerReconcilerDependencies {
  readonly ledger: Pick<LedgerRepository, 'listOpenHolds' | 'settle' | 'release'>;
  readonly recovery: LedgerRecoveryRepository;
  /**
   * Holds waiting for their provider's reported cost (decision 0021) are the provider cost reconciler's to close,
   * at the provider's cost or not at all: this reconciler leaves them alone, however old.
   */
  readonly providerCosts?: Pick<ProviderCostRepository, 'find'>;
  /**
   * Where a request settled at its checkpoint is recorded (status `interrupted`), so the usage API explains its
   * charge: the instance that would have recorded it died.
   */
  readonly requests?: Pick<RequestRecordRepository, 'record'>;
  readonly logger?: KernelLogger;
  readonly now?: () => Date;
  /** This instance's lease holder id; default a random UUID. */
  readonly holder?: string;
}

export interface LedgerReconcileReport {
  /** False when another instance held the lease: this run did nothing. */
  readonly leased: boolean;
  /** Orphaned holds settled at their checkpoint. */
  readonly settled: number;
  /** Orphaned holds released (no checkpoint). */
  readonly released: number;
  /** Holds their own instance (or another reconciler) closed first. */
  readonly alreadyClosed: number;
  readonly chargedNanoUsd: bigint;
}

/**
 * @example
 * const reconciler = new LedgerReconciler({ ledger: store.ledger, recovery: store.ledgerRecovery }, { graceMs: 600_000 });
 * reconciler.start(); // once now, then every minute
 * const report = await reconciler.runOnce();
 */
export class LedgerReconciler {
  private readonly graceMs: number;
  private readonly batchSize: number;
  private readonly logger: KernelLogger;
  private readonly job: LeasedRun<LedgerReconcileReport>;

  constructor(
    private readonly dependencies: LedgerReconcilerDependencies,
    options: LedgerReconcilerOptions = {},
  ) {
    this.graceMs = options.graceMs ?? DEFAULT_LEDGER_RECONCILER_SCHEDULE.graceMs;
    this.batchSize = options.batchSize ?? DEFAULT_LEDGER_RECONCILER_SCHEDULE.batchSize;
    this.logger = dependencies.logger ?? silentLogger;
    this.job = new LeasedRun({
      lease: LEDGER_RECONCILER_LEASE,
      leases: dependencies.recovery,
      ...(dependencies.holder !== undefined ? { holder: dependencies.holder } : {}),
      leaseMs: options.leaseMs ?? 5 * 60 * 1000,
      intervalMs: options.intervalMs ?? DEFAULT_LEDGER_RECONCILER_SCHEDULE.intervalMs,
      now: dependencies.now ?? (() => new Date()),
      logger: this.logger,
      failureMessage: 'ledger reconciliation failed',
      work: (now) => this.reconcile(now),
      notLeased: () => ({ leased: false, settled: 0, released: 0, alreadyClosed: 0, chargedNanoUsd: 0n }),
    });
  }

  /** Reconciles now, then on the schedule. Idempotent. */
  start(): void {
    this.job.start({ runNow: true });
  }

  /** One run now (after the one in flight); resolves to what it did, rejects with what made it fail. */
  runOnce(): Promise<LedgerReconcileReport> {
    return this.job.runOnce();
  }

  /** Cancels the schedule and waits for a run in flight. */
  stop(): Promise<void> {
    return this.job.stop();
  }

  private async reconcile(now: Date): Promise<LedgerReconcileReport> {
    const { ledger, recovery } = this.dependencies;
    const report = { leased: true, settled: 0, released: 0, alreadyClosed: 0, chargedNanoUsd: 0n };
    const cutoff = new Date(now.getTime() - this.graceMs).toISOString();
    const orphans = await ledger.listOpenHolds({ createdBefore: cutoff, limit: this.batchSize });
    for (const hold of orphans) await this.close(hold, report);
    // Checkpoints of closed holds are no longer needed; the grace period keeps those a slow settle may still read.
    await recovery.pruneCheckpoints(cutoff);
    if (orphans.length > 0)
      this.logger.info({ ...report, chargedNanoUsd: String(report.chargedNanoUsd) }, 'ledger reconciled');
    return report;
  }

  private async close(
    hold: LedgerHold,
    report: { settled: number; released: number; alreadyClosed: number; chargedNanoUsd: bigint },
  ): Promise<void> {
    const { ledger, recovery } = this.dependencies;
    const key = { requestId: hold.requestId, attempt: hold.attempt };
    if ((await this.dependencies.providerCosts?.find(key)) !== undefined) return;
    const checkpoint = await recovery.findCheckpoint(key);
    if (checkpoint !== undefined) {
      const settled = await ledger.settle({ ...key, costNanoUsd: checkpoint.costNanoUsd });
      if (settled.outcome === 'settled') {
        report.settled += 1;
        report.chargedNanoUsd += settled.entry.amountNanoUsd;
        await this.recordInterrupted(hold, checkpoint, settled.entry.amountNanoUsd);
        this.logger.warn(
          { ...key, accountId: hold.accountId, costNanoUsd: String(checkpoint.costNanoUsd) },
          'settled a hold left open by a crash at its last checkpoint',
        );
      } else {
        report.alreadyClosed += 1;
      }
      return;
    }
    const released = await ledger.release(key);
    if (released.outcome === 'released') {
      report.released += 1;
      this.logger.warn(
        { ...key, accountId: hold.accountId, heldNanoUsd: String(hold.amountNanoUsd) },
        'released a hold left open by a crash: no cost was checkpointed, so the request is not charged',
      );
    } else {
      report.alreadyClosed += 1;
    }
  }
  /** A record exists already when the instance died after recording: `record` then changes nothing. */
  private async recordInterrupted(
    hold: LedgerHold,
    checkpoint: LedgerCheckpoint,
    charged: NanoUsd,
  ): Promise<void> {
    const request = checkpoint.request;
    if (this.dependencies.requests === undefined || request === undefined) return;
    try {
      await this.dependencies.requests.record({
        requestId: hold.requestId,
        accountId: hold.accountId,
        userId: request.userId,
        tokenId: request.tokenId,
        billedToOrganizationId: request.billedToOrganizationId,
        providerId: request.providerId,
        hfModelId: request.hfModelId,
        providerModelId: request.providerModelId,
        task: request.task ?? 'unknown',
        // What was metered is known only as a cost; the units died with the instance.
        units: NO_UNITS,
        costNanoUsd: checkpoint.costNanoUsd,
        chargedNanoUsd: charged,
        billingMode: request.billingMode ?? 'routed',
        status: INTERRUPTED_BY_CRASH,
        httpStatus: 200,
        latencyMs: Math.max(0, Date.parse(checkpoint.updatedAt) - Date.parse(hold.createdAt)),
        streamed: true,
        createdAt: hold.createdAt,
      });
    } catch (error) {
      // The charge stands; only its explanation is missing, and the usage API shows it as unrecorded.
      this.logger.error(
        { err: error, requestId: hold.requestId },
        'could not record a request settled after a crash',
      );
    }
  }
}
