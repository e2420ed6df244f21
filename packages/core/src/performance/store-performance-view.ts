/**
 * The `PerformanceView` routing reads, kept in memory from the store: a snapshot of `list()`, reloaded when
 * `revision()` moved (polled every `refreshIntervalMs`, and at once after this instance's own writes). Every
 * instance on one store converges on the same figures within one poll.
 */
import { type KernelLogger, silentLogger } from '../kernel/logger.js';
import type { PerformanceRecord, PerformanceRepository } from '../store/performance-repository.js';
import type { MeasuredPerformance, PerformanceView } from './measured-performance.js';
import { PeriodicTask } from './periodic-task.js';

/** How often, by default, an instance asks the store whether measured figures changed. */
export const DEFAULT_PERFORMANCE_REFRESH_INTERVAL_MS = 3_000;

export interface StorePerformanceViewOptions {
  readonly repository: PerformanceRepository;
  /** Default {@link DEFAULT_PERFORMANCE_REFRESH_INTERVAL_MS}; 0 turns polling off. */
  readonly refreshIntervalMs?: number;
  readonly logger?: KernelLogger;
}

const keyOf = (providerId: string, providerModelId: string) => `${providerId}\u0000${providerModelId}`;

/** What routing and listings need of a record; `null`s of the store become `undefined`. */
export function measuredPerformanceOf(record: PerformanceRecord): MeasuredPerformance {
  return Object.freeze({
    firstTokenLatencyMs: record.firstTokenLatencyMs ?? undefined,
    outputTokensPerSecond: record.outputTokensPerSecond ?? undefined,
    ...(record.completionLatencyMs !== null ? { completionLatencyMs: record.completionLatencyMs } : {}),
    health: record.health,
    supportsTools: record.supportsTools ?? undefined,
    supportsStructuredOutput: record.supportsStructuredOutput ?? undefined,
    sampleCount: record.sampleCount,
    updatedAt: record.updatedAt,
    ...(record.lastProbeAt !== null ? { lastProbeAt: record.lastProbeAt } : {}),
    ...(record.lastProbeError !== null ? { lastProbeError: record.lastProbeError } : {}),
  });
}

export class StorePerformanceView implements PerformanceView {
  private figures = new Map<string, MeasuredPerformance>();
  private loadedRevision: number | undefined;
  private readonly task: PeriodicTask;
  private readonly logger: KernelLogger;
  private failures = 0;

  constructor(private readonly options: StorePerformanceViewOptions) {
    this.logger = options.logger ?? silentLogger;
    this.task = new PeriodicTask({
      intervalMs: options.refreshIntervalMs ?? DEFAULT_PERFORMANCE_REFRESH_INTERVAL_MS,
      run: () => this.reload(),
      onError: (error) => {
        this.failures += 1;
        this.logger.warn(
          { err: error, failures: this.failures, revision: this.loadedRevision },
          'Performance refresh failed; routing keeps the last measured figures',
        );
      },
    });
  }

  of(providerId: string, providerModelId: string): MeasuredPerformance | undefined {
    return this.figures.get(keyOf(providerId, providerModelId));
  }

  /** The store revision of the snapshot; undefined before the first load. */
  get revision(): number | undefined {
    return this.loadedRevision;
  }

  /**
   * Loads the first snapshot and starts polling. Rejects when the store cannot be read.
   *
   * @example
   * const view = new StorePerformanceView({ repository: store.performance });
   * await view.start();
   * view.of('groq', 'llama-3.3-70b-versatile')?.outputTokensPerSecond;
   */
  async start(): Promise<void> {
    await this.reload();
    this.task.start();
  }

  /** Re-reads the store if its revision moved. Never rejects (a failure is logged; the last snapshot stays). */
  refresh(): Promise<void> {
    return this.task.runNow();
  }

  /** Stops polling and waits for a read in flight. */
  close(): Promise<void> {
    return this.task.stop();
  }

  private async reload(): Promise<void> {
    // Revision first, records second: a write in between is seen again at the next poll, never missed.
    const revision = await this.options.repository.revision();
    if (revision === this.loadedRevision) return;
    const records = await this.options.repository.list();
    this.figures = new Map(
      records.map((record) => [
        keyOf(record.providerId, record.providerModelId),
        measuredPerformanceOf(record),
      ]),
    );
    this.loadedRevision = revision;
    if (this.failures > 0) this.logger.info({ failures: this.failures }, 'Performance refresh works again');
    this.failures = 0;
  }
}
