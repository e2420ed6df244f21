/**
 * Measures real traffic: an execution observer that adds each finished chat call's figures to an in-memory
 * aggregator (no store I/O on the request path) and merges them into the store every `flushIntervalMs`, and once
 * more when it is closed, so a graceful shutdown keeps what this instance measured.
 */
import type { ExecutionObserver, UpstreamCallReport } from '../execution/execution-observer.js';
import { type KernelLogger, silentLogger } from '../kernel/logger.js';
import type { PerformanceRepository } from '../store/performance-repository.js';
import { PeriodicTask } from './periodic-task.js';
import { sampleOf, TrafficSampleAggregator } from './traffic-sample-aggregator.js';

/** How often, by default, an instance merges what it measured into the store. */
export const DEFAULT_PERFORMANCE_FLUSH_INTERVAL_MS = 5_000;

export interface TrafficPerformanceRecorderOptions {
  readonly repository: PerformanceRepository;
  /** Default {@link DEFAULT_PERFORMANCE_FLUSH_INTERVAL_MS}; 0 merges only on `flush()` and `close()`. */
  readonly flushIntervalMs?: number;
  /** Called after a merge that wrote something (the host refreshes its view then). */
  readonly onFlushed?: () => Promise<void>;
  readonly logger?: KernelLogger;
  readonly now?: () => Date;
}

export class TrafficPerformanceRecorder implements ExecutionObserver {
  private readonly aggregator = new TrafficSampleAggregator();
  private readonly task: PeriodicTask;
  private readonly logger: KernelLogger;
  private readonly now: () => Date;
  private closed = false;

  constructor(private readonly options: TrafficPerformanceRecorderOptions) {
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? (() => new Date());
    this.task = new PeriodicTask({
      intervalMs: options.flushIntervalMs ?? DEFAULT_PERFORMANCE_FLUSH_INTERVAL_MS,
      run: () => this.mergePending(),
      onError: (error) => this.logger.warn({ err: error }, 'Merging measured performance failed'),
    });
  }

  upstreamCallFinished(report: UpstreamCallReport): void {
    const sample = sampleOf(report);
    if (sample) this.aggregator.add(sample);
  }

  /** Starts the periodic merge. */
  start(): void {
    this.task.start();
  }

  /**
   * Merges what was measured so far now. Resolves when it is in the store; a failed merge keeps the samples for
   * the next attempt and is logged, never thrown.
   *
   * @example recorder.upstreamCallFinished(report); await recorder.flush();
   */
  flush(): Promise<void> {
    return this.task.runNow();
  }

  /** Stops the schedule and merges what is left. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.task.stop();
    try {
      await this.mergePending();
    } catch (error) {
      this.logger.warn(
        { err: error },
        'Merging measured performance at shutdown failed; those samples are lost',
      );
    }
  }

  private async mergePending(): Promise<void> {
    if (this.aggregator.size === 0) return;
    const drained = this.aggregator.drain();
    try {
      await this.options.repository.merge(drained.batches, this.now().toISOString());
    } catch (error) {
      drained.restore();
      throw error;
    }
    await this.options.onFlushed?.();
  }
}
