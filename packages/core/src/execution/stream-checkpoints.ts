/**
 * Writes a long charged stream's running cost to the ledger now and then (`CreditLedger.checkpoint`), so that if
 * this instance dies mid-stream the crash reconciler settles the hold at what the stream had reached instead of
 * releasing it (decision 0020). It is called once per upstream read and does one clock read then: a stream that ends
 * before the first interval writes nothing, and a write is never started while the previous one is in flight.
 */
import type { CreditHold, CreditLedger } from '../credits/credit-ledger.js';
import type { KernelLogger } from '../kernel/logger.js';
import type { NanoUsd } from '../pricing/nano-usd.js';
import type { HeldLimits } from './charged-stream.js';

/** How often a long stream's cost is checkpointed at most, by default. */
export const DEFAULT_CHECKPOINT_INTERVAL_MS = 2_000;

export interface StreamCheckpointsOptions {
  /** When the stream started (`Date.now()`); the first checkpoint is due `intervalMs` later. */
  readonly startedAt: number;
  /** At least this long between two writes; more than 0. */
  readonly intervalMs: number;
  /** The cost so far, already capped at the hold. */
  readonly costSoFar: () => NanoUsd;
  readonly write: (costNanoUsd: NanoUsd) => Promise<void>;
  /** A failed write is reported here; the stream goes on (a checkpoint only narrows what a crash could lose). */
  readonly onError: (error: unknown) => void;
}

/**
 * @example
 * const checkpoints = new StreamCheckpoints({ startedAt, intervalMs: 2_000, costSoFar, write, onError });
 * pipeStream(events, map, providerId, state, limit, checkpoints.afterRead);
 */
export class StreamCheckpoints {
  private dueAt: number;
  private writing = false;
  private written: NanoUsd = 0n;

  constructor(private readonly options: StreamCheckpointsOptions) {
    this.dueAt = options.startedAt + options.intervalMs;
  }

  /** One upstream read was metered: write the cost if a checkpoint is due and it grew. */
  readonly afterRead = (): void => {
    if (this.writing) return;
    const now = Date.now();
    if (now < this.dueAt) return;
    this.dueAt = now + this.options.intervalMs;
    const cost = this.options.costSoFar();
    if (cost <= this.written) return;
    this.writing = true;
    this.options
      .write(cost)
      .then(
        () => {
          if (cost > this.written) this.written = cost;
        },
        (error: unknown) => this.options.onError(error),
      )
      .finally(() => {
        this.writing = false;
      });
  };
}

/**
 * The checkpoints of one stream, or undefined when there is nothing to keep: the stream is not charged (no
 * `limits`), its ledger keeps no checkpoints, or `intervalMs` is 0.
 *
 * @example
 * const checkpoints = streamCheckpoints({ credits, hold, limits, intervalMs, startedAt, costSoFar, logger });
 * pipeStream(events, map, providerId, state, limit, checkpoints?.afterRead);
 */
export function streamCheckpoints({
  credits,
  hold,
  limits,
  intervalMs,
  startedAt,
  costSoFar,
  logger,
}: {
  readonly credits: CreditLedger;
  readonly hold: CreditHold;
  readonly limits: HeldLimits | undefined;
  readonly intervalMs: number;
  readonly startedAt: number;
  readonly costSoFar: () => NanoUsd;
  readonly logger: KernelLogger;
}): StreamCheckpoints | undefined {
  const { checkpoint } = credits;
  if (limits === undefined || credits.charges !== true || checkpoint === undefined || !(intervalMs > 0)) {
    return undefined;
  }
  return new StreamCheckpoints({
    startedAt,
    intervalMs,
    costSoFar,
    write: (costNanoUsd) => checkpoint.call(credits, hold, costNanoUsd),
    onError: (error) =>
      logger.warn(
        { err: error, requestId: hold.requestId, attempt: hold.attempt ?? 1 },
        'A stream checkpoint failed; a crash now would charge the stream its previous checkpoint',
      ),
  });
}
