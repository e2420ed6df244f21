/**
 * A job every gateway instance schedules but only one runs at a time: each run first claims a named lease in the
 * store and gives it back at its end, so when the holder dies another instance's next run takes over. The crash
 * reconciler (decision 0020) and the provider cost reconciler (decision 0021) are such jobs.
 */
import { randomUUID } from 'node:crypto';
import type { KernelLogger } from '../kernel/logger.js';
import { PeriodicTask } from '../performance/periodic-task.js';
import type { LedgerRecoveryRepository } from '../store/ledger-recovery-repository.js';

export interface LeasedRunOptions<Report> {
  /** The lease's name, shared by every instance running this job. */
  readonly lease: string;
  readonly leases: Pick<LedgerRecoveryRepository, 'claimLease' | 'releaseLease'>;
  /** This instance's lease holder id; default a random UUID. */
  readonly holder?: string;
  /** How long a run may hold the lease. */
  readonly leaseMs: number;
  /** Between runs; 0 or less runs only on `runOnce` (and at `start` when asked). */
  readonly intervalMs: number;
  readonly now: () => Date;
  readonly logger: KernelLogger;
  /** What the log says when a run fails (the schedule goes on). */
  readonly failureMessage: string;
  /** The work of one run, under the lease. */
  readonly work: (now: Date) => Promise<Report>;
  /** The report of a run that found the lease held by another instance. */
  readonly notLeased: () => Report;
}

type LastRun<Report> = { readonly report: Report } | { readonly error: unknown };

/**
 * @example
 * const job = new LeasedRun({ lease: 'ledger-reconciler', leases, leaseMs, intervalMs, now, logger,
 *   failureMessage: 'ledger reconciliation failed', work: (now) => reconcile(now), notLeased: () => emptyReport });
 * job.start({ runNow: true });
 * const report = await job.runOnce();
 */
export class LeasedRun<Report> {
  private readonly holder: string;
  private readonly task: PeriodicTask;
  private last: LastRun<Report> | undefined;

  constructor(private readonly options: LeasedRunOptions<Report>) {
    this.holder = options.holder ?? randomUUID();
    this.task = new PeriodicTask({
      intervalMs: options.intervalMs,
      run: async () => {
        try {
          this.last = { report: await this.runLeased() };
        } catch (error) {
          this.last = { error };
          throw error;
        }
      },
      onError: (error) => options.logger.error({ err: error }, options.failureMessage),
    });
  }

  /** Schedules the runs (the first one interval from now, or at once with `runNow`). Idempotent. */
  start({ runNow = false }: { readonly runNow?: boolean } = {}): void {
    if (runNow) void this.task.runNow();
    this.task.start();
  }

  /** One run now (after the one in flight); resolves to what it did, rejects with what made it fail. */
  async runOnce(): Promise<Report> {
    this.last = undefined;
    await this.task.runNow();
    // The run assigned it; TypeScript cannot see that through the await.
    const last = this.last as LastRun<Report> | undefined;
    if (last === undefined) throw new Error(`The job under lease ${this.options.lease} is stopped.`);
    if ('error' in last) throw last.error;
    return last.report;
  }

  /** Cancels the schedule and waits for a run in flight. */
  stop(): Promise<void> {
    return this.task.stop();
  }

  private async runLeased(): Promise<Report> {
    const { lease, leases, leaseMs } = this.options;
    const now = this.options.now();
    const leased = await leases.claimLease({
      name: lease,
      holder: this.holder,
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
    });
    if (!leased) return this.options.notLeased();
    try {
      return await this.options.work(now);
    } finally {
      await leases.releaseLease({ name: lease, holder: this.holder });
    }
  }
}
