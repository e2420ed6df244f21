/**
 * A `PerformanceRepository` in a Map: the contract at its plainest, checked by the same conformance scenarios as
 * the real stores. For tests that measure without a database; nothing is persisted.
 */
import { mergeMovingAverage } from '../../performance/moving-average.js';
import type {
  MovingAverageContribution,
  PerformanceKey,
  PerformanceRecord,
  PerformanceRepository,
} from '../performance-repository.js';

interface Row {
  record: PerformanceRecord;
  leaseHolder: string | null;
  leaseUntil: string | null;
}

const keyOf = ({ providerId, providerModelId }: PerformanceKey) => `${providerId}\u0000${providerModelId}`;

const byKey = (left: PerformanceRecord, right: PerformanceRecord): number =>
  left.providerId !== right.providerId
    ? left.providerId < right.providerId
      ? -1
      : 1
    : left.providerModelId < right.providerModelId
      ? -1
      : left.providerModelId > right.providerModelId
        ? 1
        : 0;

const merged = (stored: number | null, contribution: MovingAverageContribution | undefined) =>
  contribution === undefined ? stored : mergeMovingAverage(stored, contribution);

/**
 * @example
 * const performance = createInMemoryPerformanceRepository();
 * await performance.merge([{ providerId: 'groq', providerModelId: 'm', samples: 1,
 *   firstTokenLatencyMs: { mean: 120, weight: 0.067 } }], new Date().toISOString());
 */
export function createInMemoryPerformanceRepository(): PerformanceRepository {
  const rows = new Map<string, Row>();
  let revision = 0;

  const rowFor = (key: PerformanceKey, now: string): Row => {
    let row = rows.get(keyOf(key));
    if (!row) {
      row = {
        record: {
          providerId: key.providerId,
          providerModelId: key.providerModelId,
          firstTokenLatencyMs: null,
          outputTokensPerSecond: null,
          completionLatencyMs: null,
          sampleCount: 0,
          health: 'unknown',
          supportsTools: null,
          supportsStructuredOutput: null,
          lastProbeAt: null,
          lastProbeError: null,
          updatedAt: now,
        },
        leaseHolder: null,
        leaseUntil: null,
      };
      rows.set(keyOf(key), row);
    }
    return row;
  };

  return {
    async merge(batches, now) {
      for (const batch of batches) {
        const row = rowFor(batch, now);
        const stored = row.record;
        row.record = {
          ...stored,
          firstTokenLatencyMs: merged(stored.firstTokenLatencyMs, batch.firstTokenLatencyMs),
          outputTokensPerSecond: merged(stored.outputTokensPerSecond, batch.outputTokensPerSecond),
          completionLatencyMs: merged(stored.completionLatencyMs, batch.completionLatencyMs),
          sampleCount: stored.sampleCount + batch.samples,
          updatedAt: now,
        };
        revision += 1;
      }
    },
    async recordProbe(result) {
      const row = rowFor(result, result.probedAt);
      row.record = {
        ...row.record,
        health: result.health,
        lastProbeAt: result.probedAt,
        lastProbeError: result.error ?? null,
        supportsTools: result.supportsTools ?? row.record.supportsTools,
        supportsStructuredOutput: result.supportsStructuredOutput ?? row.record.supportsStructuredOutput,
        updatedAt: result.probedAt,
      };
      if (row.leaseHolder === result.holder) {
        row.leaseHolder = null;
        row.leaseUntil = null;
      }
      revision += 1;
      return { ...row.record };
    },
    async claimProbe(claim) {
      const existing = rows.get(keyOf(claim));
      if (existing?.leaseUntil != null && existing.leaseUntil > claim.now) return false;
      const last = existing?.record.lastProbeAt ?? null;
      const due =
        last === null ||
        (existing?.record.health === 'healthy'
          ? last <= claim.healthyProbedBefore
          : last <= claim.unhealthyProbedBefore);
      if (!due) return false;
      const row = existing ?? rowFor(claim, claim.now);
      row.leaseHolder = claim.holder;
      row.leaseUntil = claim.leaseUntil;
      return true;
    },
    async find(key) {
      const row = rows.get(keyOf(key));
      return row === undefined ? undefined : { ...row.record };
    },
    async list() {
      return [...rows.values()].map((row) => ({ ...row.record })).sort(byKey);
    },
    async revision() {
      return revision;
    },
  };
}
