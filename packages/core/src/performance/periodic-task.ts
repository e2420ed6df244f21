/**
 * Runs an async job every `intervalMs`, one run at a time (the next wait starts when a run ends), on timers that
 * never keep the process alive. `stop()` cancels the wait and resolves once a run in flight has finished, so a
 * host can close what the job uses right after.
 */
export interface PeriodicTaskOptions {
  /** Between the end of one run and the start of the next; 0 or less never schedules (runs only on `runNow`). */
  readonly intervalMs: number;
  /** Never rejects in practice: a rejection is handed to `onError` and the schedule goes on. */
  readonly run: () => Promise<void>;
  readonly onError: (error: unknown) => void;
}

export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** The run that starts after the one in flight, not begun yet. */
  private queued: Promise<void> | undefined;
  private stopped = false;
  private started = false;

  constructor(private readonly options: PeriodicTaskOptions) {}

  /** Schedules the first run one interval from now. Idempotent. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.schedule();
  }

  /**
   * Runs the job now, or right after the run in flight (a run that started before this call may have missed what
   * the caller just did); callers waiting for the same next run share it. Resolves when that run is done. After
   * `stop()` it runs nothing.
   *
   * @example await task.runNow();
   */
  runNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.queued) return this.queued;
    const previous = this.running ?? Promise.resolve();
    const run: Promise<void> = previous.then(async () => {
      this.queued = undefined;
      if (this.stopped) return;
      try {
        await this.options.run();
      } catch (error) {
        this.options.onError(error);
      }
    });
    this.queued = run;
    this.running = run;
    void run.then(() => {
      if (this.running === run) this.running = undefined;
    });
    return run;
  }

  /** Cancels the schedule and waits for the run in flight. Idempotent. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(): void {
    if (this.stopped || this.options.intervalMs <= 0) return;
    this.timer = setTimeout(() => {
      void this.runNow().then(() => this.schedule());
    }, this.options.intervalMs);
    this.timer.unref();
  }
}
