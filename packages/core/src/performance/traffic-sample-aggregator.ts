/**
 * Sums what real chat traffic showed of each (provider, provider model) since the last flush, in memory: a request
 * adds a few numbers to a map entry and never waits for the store. `drain()` turns the sums into the EWMA
 * contributions `PerformanceRepository.merge` takes and starts over.
 */
import type { UpstreamCallReport } from '../execution/execution-observer.js';
import type { PerformanceSampleBatch } from '../store/performance-repository.js';
import { ewmaContribution } from './moving-average.js';

/** One kind of figure: how many samples and their sum, so the batch's mean is exact. */
interface Tally {
  count: number;
  sum: number;
}

interface KeyTally {
  readonly providerId: string;
  readonly providerModelId: string;
  samples: number;
  readonly firstTokenLatencyMs: Tally;
  readonly outputTokensPerSecond: Tally;
  readonly completionLatencyMs: Tally;
}

/** What one answer showed; every figure optional (a stream too short to time its speed gives no speed). */
export interface TrafficSample {
  readonly providerId: string;
  readonly providerModelId: string;
  readonly firstTokenLatencyMs?: number;
  readonly outputTokensPerSecond?: number;
  readonly completionLatencyMs?: number;
}

/** A speed needs at least two tokens and some time between the first and the last, or it says nothing. */
const MIN_SPEED_TOKENS = 2;

/**
 * The figures of one finished upstream call, or undefined when it says nothing about speed: failed and abandoned
 * calls, other tasks than chat (their latencies are not comparable), calls without a provider model id.
 *
 * Output speed counts the tokens after the first over the time after the first chunk, as Hugging Face's
 * `throughput` does; the first token's wait is the separate `firstTokenLatencyMs`.
 *
 * @example
 * sampleOf({ providerId: 'groq', providerModelId: 'm', task: 'conversational', streaming: true, outcome: 'ok',
 *   durationMs: 1100, firstChunkMs: 100, usage: { outputTokens: 101 }, hfModelId: 'o/m' });
 * // { providerId: 'groq', providerModelId: 'm', firstTokenLatencyMs: 100, outputTokensPerSecond: 100 }
 */
export function sampleOf(report: UpstreamCallReport): TrafficSample | undefined {
  const { providerId, providerModelId } = report;
  if (report.outcome !== 'ok' || report.task !== 'conversational' || !providerModelId) return undefined;
  if (!report.streaming) return { providerId, providerModelId, completionLatencyMs: report.durationMs };
  if (report.firstChunkMs === undefined) return undefined;
  const outputTokens = report.usage?.outputTokens;
  const afterFirstMs = report.durationMs - report.firstChunkMs;
  const speed =
    outputTokens !== undefined && outputTokens >= MIN_SPEED_TOKENS && afterFirstMs > 0
      ? ((outputTokens - 1) * 1000) / afterFirstMs
      : undefined;
  return {
    providerId,
    providerModelId,
    firstTokenLatencyMs: report.firstChunkMs,
    ...(speed !== undefined ? { outputTokensPerSecond: speed } : {}),
  };
}

const tally = (): Tally => ({ count: 0, sum: 0 });

function add(into: Tally, value: number | undefined): void {
  if (value === undefined || !Number.isFinite(value) || value < 0) return;
  into.count += 1;
  into.sum += value;
}

const contributionOf = (from: Tally) =>
  from.count > 0 ? ewmaContribution(from.sum / from.count, from.count) : undefined;

export class TrafficSampleAggregator {
  private tallies = new Map<string, KeyTally>();

  /** Adds one answer's figures. Constant time: one map lookup and a few additions. */
  add(sample: TrafficSample): void {
    const key = `${sample.providerId}\u0000${sample.providerModelId}`;
    let entry = this.tallies.get(key);
    if (!entry) {
      entry = {
        providerId: sample.providerId,
        providerModelId: sample.providerModelId,
        samples: 0,
        firstTokenLatencyMs: tally(),
        outputTokensPerSecond: tally(),
        completionLatencyMs: tally(),
      };
      this.tallies.set(key, entry);
    }
    entry.samples += 1;
    add(entry.firstTokenLatencyMs, sample.firstTokenLatencyMs);
    add(entry.outputTokensPerSecond, sample.outputTokensPerSecond);
    add(entry.completionLatencyMs, sample.completionLatencyMs);
  }

  /** Keys with samples waiting. */
  get size(): number {
    return this.tallies.size;
  }

  /**
   * The batches to merge, one per key, and an empty aggregator (`batches` is `[]` when nothing was added). Call
   * `restore()` when the merge failed: the samples go back, summed with any that arrived since, so a store outage
   * loses none.
   */
  drain(): DrainedSamples {
    const drained = this.tallies;
    this.tallies = new Map();
    return {
      batches: [...drained.values()].map(batchOf),
      restore: () => {
        for (const [key, entry] of drained) {
          const current = this.tallies.get(key);
          if (!current) {
            this.tallies.set(key, entry);
            continue;
          }
          current.samples += entry.samples;
          for (const kind of KINDS) {
            current[kind].count += entry[kind].count;
            current[kind].sum += entry[kind].sum;
          }
        }
      },
    };
  }
}

export interface DrainedSamples {
  readonly batches: readonly PerformanceSampleBatch[];
  restore(): void;
}

const KINDS = ['firstTokenLatencyMs', 'outputTokensPerSecond', 'completionLatencyMs'] as const;

function batchOf(entry: KeyTally): PerformanceSampleBatch {
  const firstTokenLatencyMs = contributionOf(entry.firstTokenLatencyMs);
  const outputTokensPerSecond = contributionOf(entry.outputTokensPerSecond);
  const completionLatencyMs = contributionOf(entry.completionLatencyMs);
  return {
    providerId: entry.providerId,
    providerModelId: entry.providerModelId,
    samples: entry.samples,
    ...(firstTokenLatencyMs ? { firstTokenLatencyMs } : {}),
    ...(outputTokensPerSecond ? { outputTokensPerSecond } : {}),
    ...(completionLatencyMs ? { completionLatencyMs } : {}),
  };
}
