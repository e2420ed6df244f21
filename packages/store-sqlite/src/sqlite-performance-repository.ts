/** The provider_model_performance table behind the `PerformanceRepository` interface. */
import type {
  MovingAverageContribution,
  PerformanceRecord,
  PerformanceRepository,
  PerformanceSampleBatch,
} from '@tollgate/core';
import type Database from 'better-sqlite3';
import { prepareOnce } from './prepare-once.js';

interface PerformanceRow {
  readonly provider_id: string;
  readonly provider_model_id: string;
  readonly first_token_latency_ms: number | null;
  readonly output_tokens_per_second: number | null;
  readonly completion_latency_ms: number | null;
  readonly sample_count: number;
  readonly health: PerformanceRecord['health'];
  readonly supports_tools: 0 | 1 | null;
  readonly supports_structured_output: 0 | 1 | null;
  readonly last_probe_at: string | null;
  readonly last_probe_error: string | null;
  readonly updated_at: string;
}

const columns = `provider_id, provider_model_id, first_token_latency_ms, output_tokens_per_second,
  completion_latency_ms, sample_count, health, supports_tools, supports_structured_output, last_probe_at,
  last_probe_error, updated_at`;

/** `column` after merging the contribution named `name` (its mean and weight are bound parameters). */
const mergedAverage = (column: string, name: string) =>
  `${column} = CASE WHEN @${name}Mean IS NULL THEN ${column}
     WHEN ${column} IS NULL THEN @${name}Mean
     ELSE ${column} * (1 - @${name}Weight) + @${name}Weight * @${name}Mean END`;

const contribution = (name: string, value: MovingAverageContribution | undefined) => ({
  [`${name}Mean`]: value?.mean ?? null,
  [`${name}Weight`]: value?.weight ?? null,
});

const flag = (value: boolean | undefined) => (value === undefined ? null : value ? 1 : 0);

/**
 * A `PerformanceRepository` over a migrated SQLite connection. Every merge is one `INSERT ... ON CONFLICT DO UPDATE`
 * whose arithmetic reads the row as it is at that moment, so processes sharing the file never lose each other's
 * samples; a claim is one conditional upsert, so only one of them can take a lease.
 *
 * @example
 * const performance = createSqlitePerformanceRepository(database);
 * await performance.merge([{ providerId: 'groq', providerModelId: 'm', samples: 1,
 *   firstTokenLatencyMs: { mean: 180, weight: 0.067 } }], new Date().toISOString());
 */
export function createSqlitePerformanceRepository(database: Database.Database): PerformanceRepository {
  const mergeBatch = prepareOnce<[Record<string, unknown>], unknown>(
    database,
    `INSERT INTO provider_model_performance (provider_id, provider_model_id, first_token_latency_ms,
       output_tokens_per_second, completion_latency_ms, sample_count, updated_at)
     VALUES (@providerId, @providerModelId, @firstTokenMean, @throughputMean, @completionMean, @samples, @now)
     ON CONFLICT (provider_id, provider_model_id) DO UPDATE SET
       ${mergedAverage('first_token_latency_ms', 'firstToken')},
       ${mergedAverage('output_tokens_per_second', 'throughput')},
       ${mergedAverage('completion_latency_ms', 'completion')},
       sample_count = sample_count + @samples,
       updated_at = @now`,
  );
  const upsertProbe = prepareOnce<[Record<string, unknown>], unknown>(
    database,
    `INSERT INTO provider_model_performance (provider_id, provider_model_id, health, supports_tools,
       supports_structured_output, last_probe_at, last_probe_error, updated_at)
     VALUES (@providerId, @providerModelId, @health, @supportsTools, @supportsStructuredOutput, @probedAt, @error,
       @probedAt)
     ON CONFLICT (provider_id, provider_model_id) DO UPDATE SET
       health = excluded.health,
       supports_tools = COALESCE(excluded.supports_tools, supports_tools),
       supports_structured_output = COALESCE(excluded.supports_structured_output, supports_structured_output),
       last_probe_at = excluded.last_probe_at,
       last_probe_error = excluded.last_probe_error,
       probe_lease_holder = CASE WHEN probe_lease_holder = @holder THEN NULL ELSE probe_lease_holder END,
       probe_lease_until = CASE WHEN probe_lease_holder = @holder THEN NULL ELSE probe_lease_until END,
       updated_at = excluded.updated_at`,
  );
  const claim = prepareOnce<[Record<string, unknown>], unknown>(
    database,
    `INSERT INTO provider_model_performance (provider_id, provider_model_id, probe_lease_holder, probe_lease_until,
       updated_at)
     VALUES (@providerId, @providerModelId, @holder, @leaseUntil, @now)
     ON CONFLICT (provider_id, provider_model_id) DO UPDATE SET
       probe_lease_holder = excluded.probe_lease_holder,
       probe_lease_until = excluded.probe_lease_until
     WHERE (probe_lease_until IS NULL OR probe_lease_until <= @now)
       AND (last_probe_at IS NULL
         OR (health = 'healthy' AND last_probe_at <= @healthyProbedBefore)
         OR (health <> 'healthy' AND last_probe_at <= @unhealthyProbedBefore))`,
  );
  const selectOne = prepareOnce<[string, string], PerformanceRow>(
    database,
    `SELECT ${columns} FROM provider_model_performance WHERE provider_id = ? AND provider_model_id = ?`,
  );
  const selectAll = prepareOnce<[], PerformanceRow>(
    database,
    `SELECT ${columns} FROM provider_model_performance ORDER BY provider_id, provider_model_id`,
  );
  const selectRevision = prepareOnce<[], number>(database, 'SELECT revision FROM performance_revision');

  const mergeAll = database.transaction((batches: readonly PerformanceSampleBatch[], now: string) => {
    for (const batch of batches) {
      mergeBatch().run({
        providerId: batch.providerId,
        providerModelId: batch.providerModelId,
        samples: batch.samples,
        now,
        ...contribution('firstToken', batch.firstTokenLatencyMs),
        ...contribution('throughput', batch.outputTokensPerSecond),
        ...contribution('completion', batch.completionLatencyMs),
      });
    }
  });
  const recordInTransaction = database.transaction(
    (parameters: Record<string, unknown>, providerId: string, providerModelId: string) => {
      upsertProbe().run(parameters);
      return selectOne().get(providerId, providerModelId)!;
    },
  );

  return {
    async merge(batches, now) {
      if (batches.length > 0) mergeAll.immediate(batches, now);
    },
    async recordProbe(result) {
      const row = recordInTransaction.immediate(
        {
          providerId: result.providerId,
          providerModelId: result.providerModelId,
          holder: result.holder,
          health: result.health,
          probedAt: result.probedAt,
          error: result.error ?? null,
          supportsTools: flag(result.supportsTools),
          supportsStructuredOutput: flag(result.supportsStructuredOutput),
        },
        result.providerId,
        result.providerModelId,
      );
      return toRecord(row);
    },
    async claimProbe(request) {
      return claim().run({ ...request }).changes > 0;
    },
    async find({ providerId, providerModelId }) {
      const row = selectOne().get(providerId, providerModelId);
      return row === undefined ? undefined : toRecord(row);
    },
    async list() {
      return selectAll().all().map(toRecord);
    },
    async revision() {
      return selectRevision().pluck().get() ?? 0;
    },
  };
}

const bool = (value: 0 | 1 | null) => (value === null ? null : value === 1);

function toRecord(row: PerformanceRow): PerformanceRecord {
  return {
    providerId: row.provider_id,
    providerModelId: row.provider_model_id,
    firstTokenLatencyMs: row.first_token_latency_ms,
    outputTokensPerSecond: row.output_tokens_per_second,
    completionLatencyMs: row.completion_latency_ms,
    sampleCount: row.sample_count,
    health: row.health,
    supportsTools: bool(row.supports_tools),
    supportsStructuredOutput: bool(row.supports_structured_output),
    lastProbeAt: row.last_probe_at,
    lastProbeError: row.last_probe_error,
    updatedAt: row.updated_at,
  };
}
