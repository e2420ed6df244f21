/**
 * What the gateway measured of each (provider, provider model): moving averages fed by real traffic, and the
 * validation prober's verdicts. Shared by every gateway instance on one store; each instance aggregates its own
 * samples in memory, merges them in now and then, and reads everything back as a snapshot it refreshes by polling
 * `revision()`.
 *
 * The contract below is what `runStoreConformance` checks; a store implements it exactly.
 */
import type { MeasuredHealth } from '../performance/measured-performance.js';

export interface PerformanceKey {
  readonly providerId: string;
  /** The id the provider's API expects, e.g. `llama-3.3-70b-versatile`. */
  readonly providerModelId: string;
}

/** One moving average's share of a batch: the mean of the batch's samples and the weight it gets. */
export interface MovingAverageContribution {
  readonly mean: number;
  /** In (0, 1]: the stored average becomes `stored * (1 - weight) + weight * mean`. */
  readonly weight: number;
}

/**
 * What one instance measured of one key since its last flush, ready to merge (see `ewmaContribution` in core,
 * which turns a count and a mean into a contribution). A field left out leaves that average as it is.
 */
export interface PerformanceSampleBatch extends PerformanceKey {
  /** Answers measured in the batch; added to the stored sample count. A positive integer. */
  readonly samples: number;
  /** Milliseconds until the first streamed chunk. */
  readonly firstTokenLatencyMs?: MovingAverageContribution;
  /** Output tokens per second after the first chunk, over streamed answers. */
  readonly outputTokensPerSecond?: MovingAverageContribution;
  /** Milliseconds until a whole non-streamed answer. */
  readonly completionLatencyMs?: MovingAverageContribution;
}

/** The prober's verdict on one key. */
export interface ProbeResult extends PerformanceKey {
  /** The instance that held the probe lease; its lease is released. */
  readonly holder: string;
  readonly health: Exclude<MeasuredHealth, 'unknown'>;
  /** ISO-8601 UTC with milliseconds. */
  readonly probedAt: string;
  /** Why the probe failed, for operators; undefined when it passed. */
  readonly error?: string;
  /** Undefined leaves the stored value (the capability was not checked this time). */
  readonly supportsTools?: boolean;
  readonly supportsStructuredOutput?: boolean;
}

export interface PerformanceRecord extends PerformanceKey {
  /** Moving averages; `null` until a sample of that kind was merged. */
  readonly firstTokenLatencyMs: number | null;
  readonly outputTokensPerSecond: number | null;
  readonly completionLatencyMs: number | null;
  /** Every sample merged so far, from every instance. */
  readonly sampleCount: number;
  /** The last probe's verdict; `unknown` before any probe. */
  readonly health: MeasuredHealth;
  readonly supportsTools: boolean | null;
  readonly supportsStructuredOutput: boolean | null;
  /** ISO-8601 UTC with milliseconds; `null` before any probe. */
  readonly lastProbeAt: string | null;
  readonly lastProbeError: string | null;
  /** ISO-8601 UTC with milliseconds of the last merge or probe result (a lease claim does not count). */
  readonly updatedAt: string;
}

export interface ProbeClaim extends PerformanceKey {
  /** Who claims: a random id per gateway instance. */
  readonly holder: string;
  /** ISO-8601 UTC: the claimant's clock now. */
  readonly now: string;
  /** ISO-8601 UTC: the lease runs out at this time, and another instance may claim again. */
  readonly leaseUntil: string;
  /** Due when the last probe passed at or before this time. */
  readonly healthyProbedBefore: string;
  /** Due when the last probe failed at or before this time (a shorter wait: the faster retest). */
  readonly unhealthyProbedBefore: string;
}

/**
 * The contract, point by point:
 *
 * - **Key.** One record per (provider, provider model), created by the first merge, probe result or claim.
 * - **Merge.** Each batch is applied atomically and relative to what is stored at that moment (a single
 *   `UPDATE ... SET x = x * (1 - weight) + weight * mean` or equivalent, never a read-then-write in the
 *   application), so batches that N instances merge at the same time all count. An average that is still `null`
 *   becomes the batch's mean. `sampleCount` grows by `samples`. `updatedAt` is set to `now`.
 * - **Probe result.** Sets `health`, `lastProbeAt`, `lastProbeError` (`null` when the result has none), the
 *   capabilities the result names (others stay), `updatedAt`; releases the lease if `holder` holds it.
 * - **Claim.** Succeeds (true) for at most one caller at a time: when no unexpired lease is held (a lease held until
 *   `now` or earlier is expired) and the key is due (never probed, or probed healthy at or before
 *   `healthyProbedBefore`, or probed unhealthy at or before `unhealthyProbedBefore`). A successful claim
 *   records the lease; a failed one writes nothing. A claim changes no measured field and not `revision()`.
 * - **Revision.** `revision()` is a safe integer, `0` for a new store, durable, and increases (in the same
 *   transaction) on every merge and probe result; reads and claims leave it as it is. It never decreases.
 * - **Order.** `list` returns records by provider id, then provider model id, in code-point order.
 */
export interface PerformanceRepository {
  /** Merges each batch into its key's record; `now` is ISO-8601 UTC. */
  merge(batches: readonly PerformanceSampleBatch[], now: string): Promise<void>;
  /** Stores a probe's verdict and returns the record as stored. */
  recordProbe(result: ProbeResult): Promise<PerformanceRecord>;
  /** Takes the probe lease for the key when it is due and free; false when another holds it or it is not due. */
  claimProbe(claim: ProbeClaim): Promise<boolean>;
  find(key: PerformanceKey): Promise<PerformanceRecord | undefined>;
  list(): Promise<readonly PerformanceRecord[]>;
  /** A number that increases whenever a measured figure changes; compare it to tell whether to reload. */
  revision(): Promise<number>;
}
