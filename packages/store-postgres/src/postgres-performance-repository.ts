/** The provider_model_performance table behind the `PerformanceRepository` interface. */
import type { MovingAverageContribution, PerformanceRecord, PerformanceRepository } from '@tollgate/core';
import type pg from 'pg';

interface PerformanceRow {
  readonly provider_id: string;
  readonly provider_model_id: string;
  readonly first_token_latency_ms: number | null;
  readonly output_tokens_per_second: number | null;
  readonly completion_latency_ms: number | null;
  /** BIGINT arrives as a string. */
  readonly sample_count: string;
  readonly health: PerformanceRecord['health'];
  readonly supports_tools: boolean | null;
  readonly supports_structured_output: boolean | null;
  readonly last_probe_at: Date | null;
  readonly last_probe_error: string | null;
  readonly updated_at: Date;
}

const columns = `provider_id, provider_model_id, first_token_latency_ms, output_tokens_per_second,
  completion_latency_ms, sample_count, health, supports_tools, supports_structured_output, last_probe_at,
  last_probe_error, updated_at`;

/** `column` after merging a contribution whose mean and weight are parameters `$mean` and `$weight`. */
const mergedAverage = (column: string, mean: number, weight: number) =>
  `${column} = CASE WHEN $${mean}::float8 IS NULL THEN p.${column}
     WHEN p.${column} IS NULL THEN $${mean}::float8
     ELSE p.${column} * (1 - $${weight}::float8) + $${weight}::float8 * $${mean}::float8 END`;

const meanAndWeight = (value: MovingAverageContribution | undefined) => [
  value?.mean ?? null,
  value?.weight ?? null,
];

/**
 * A `PerformanceRepository` over a migrated PostgreSQL pool. Every merge is one `INSERT ... ON CONFLICT DO UPDATE`
 * whose arithmetic reads the row under its lock, so N instances merging into one key all count; keys are merged
 * one statement each (never one transaction holding several rows and the revision row at once, which could
 * deadlock with another instance's probe result). A claim is one conditional upsert.
 *
 * @example
 * const performance = createPostgresPerformanceRepository(pool);
 * await performance.merge([{ providerId: 'groq', providerModelId: 'm', samples: 1,
 *   firstTokenLatencyMs: { mean: 180, weight: 0.067 } }], new Date().toISOString());
 */
export function createPostgresPerformanceRepository(pool: pg.Pool): PerformanceRepository {
  return {
    async merge(batches, now) {
      for (const batch of batches) {
        await pool.query({
          name: 'tollgate-performance-merge',
          text: `INSERT INTO provider_model_performance AS p (provider_id, provider_model_id, first_token_latency_ms,
                   output_tokens_per_second, completion_latency_ms, sample_count, updated_at)
                 VALUES ($1, $2, $3::float8, $5::float8, $7::float8, $9, $10)
                 ON CONFLICT (provider_id, provider_model_id) DO UPDATE SET
                   ${mergedAverage('first_token_latency_ms', 3, 4)},
                   ${mergedAverage('output_tokens_per_second', 5, 6)},
                   ${mergedAverage('completion_latency_ms', 7, 8)},
                   sample_count = p.sample_count + $9,
                   updated_at = $10`,
          values: [
            batch.providerId,
            batch.providerModelId,
            ...meanAndWeight(batch.firstTokenLatencyMs),
            ...meanAndWeight(batch.outputTokensPerSecond),
            ...meanAndWeight(batch.completionLatencyMs),
            batch.samples,
            now,
          ],
        });
      }
    },
    async recordProbe(result) {
      const { rows } = await pool.query<PerformanceRow>({
        name: 'tollgate-performance-record-probe',
        text: `INSERT INTO provider_model_performance AS p (provider_id, provider_model_id, health, supports_tools,
                 supports_structured_output, last_probe_at, last_probe_error, updated_at)
               VALUES ($1, $2, $4, $5, $6, $7, $8, $7)
               ON CONFLICT (provider_id, provider_model_id) DO UPDATE SET
                 health = excluded.health,
                 supports_tools = COALESCE(excluded.supports_tools, p.supports_tools),
                 supports_structured_output = COALESCE(excluded.supports_structured_output, p.supports_structured_output),
                 last_probe_at = excluded.last_probe_at,
                 last_probe_error = excluded.last_probe_error,
                 probe_lease_holder = CASE WHEN p.probe_lease_holder = $3 THEN NULL ELSE p.probe_lease_holder END,
                 probe_lease_until = CASE WHEN p.probe_lease_holder = $3 THEN NULL ELSE p.probe_lease_until END,
                 updated_at = excluded.updated_at
               RETURNING ${columns}`,
        values: [
          result.providerId,
          result.providerModelId,
          result.holder,
          result.health,
          result.supportsTools ?? null,
          result.supportsStructuredOutput ?? null,
          result.probedAt,
          result.error ?? null,
        ],
      });
      return toRecord(rows[0]!);
    },
    async claimProbe(claim) {
      const { rowCount } = await pool.query({
        name: 'tollgate-performance-claim-probe',
        text: `INSERT INTO provider_model_performance AS p (provider_id, provider_model_id, probe_lease_holder,
                 probe_lease_until, updated_at)
               VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (provider_id, provider_model_id) DO UPDATE SET
                 probe_lease_holder = excluded.probe_lease_holder,
                 probe_lease_until = excluded.probe_lease_until
               WHERE (p.probe_lease_until IS NULL OR p.probe_lease_until <= $5::timestamptz)
                 AND (p.last_probe_at IS NULL
                   OR (p.health = 'healthy' AND p.last_probe_at <= $6::timestamptz)
                   OR (p.health <> 'healthy' AND p.last_probe_at <= $7::timestamptz))`,
        values: [
          claim.providerId,
          claim.providerModelId,
          claim.holder,
          claim.leaseUntil,
          claim.now,
          claim.healthyProbedBefore,
          claim.unhealthyProbedBefore,
        ],
      });
      return (rowCount ?? 0) > 0;
    },
    async find({ providerId, providerModelId }) {
      const { rows } = await pool.query<PerformanceRow>({
        name: 'tollgate-performance-find',
        text: `SELECT ${columns} FROM provider_model_performance WHERE provider_id = $1 AND provider_model_id = $2`,
        values: [providerId, providerModelId],
      });
      return rows[0] === undefined ? undefined : toRecord(rows[0]);
    },
    async list() {
      const { rows } = await pool.query<PerformanceRow>({
        name: 'tollgate-performance-list',
        text: `SELECT ${columns} FROM provider_model_performance
               ORDER BY provider_id COLLATE "C", provider_model_id COLLATE "C"`,
      });
      return rows.map(toRecord);
    },
    async revision() {
      const { rows } = await pool.query<{ revision: string }>({
        name: 'tollgate-performance-revision',
        text: 'SELECT revision FROM performance_revision',
      });
      return rows[0] === undefined ? 0 : Number(rows[0].revision);
    },
  };
}

function toRecord(row: PerformanceRow): PerformanceRecord {
  return {
    providerId: row.provider_id,
    providerModelId: row.provider_model_id,
    firstTokenLatencyMs: row.first_token_latency_ms,
    outputTokensPerSecond: row.output_tokens_per_second,
    completionLatencyMs: row.completion_latency_ms,
    sampleCount: Number(row.sample_count),
    health: row.health,
    supportsTools: row.supports_tools,
    supportsStructuredOutput: row.supports_structured_output,
    lastProbeAt: row.last_probe_at?.toISOString() ?? null,
    lastProbeError: row.last_probe_error,
    updatedAt: row.updated_at.toISOString(),
  };
}
