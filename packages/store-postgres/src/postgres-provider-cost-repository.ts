/** The pending_provider_costs table behind `ProviderCostRepository` (decision 0021). */
import type { PendingProviderCost, ProviderCostRepository } from '@tollgate/core';
import type pg from 'pg';

interface PendingRow {
  readonly request_id: string;
  readonly attempt: number;
  readonly provider_id: string;
  readonly provider_request_id: string;
  /** BIGINT arrives as a string. */
  readonly placeholder_cost_nano_usd: string;
  readonly created_at: Date;
  readonly ask_after: Date;
  readonly deadline: Date;
}

const toPending = (row: PendingRow): PendingProviderCost => ({
  requestId: row.request_id,
  attempt: row.attempt,
  providerId: row.provider_id,
  providerRequestId: row.provider_request_id,
  placeholderCostNanoUsd: BigInt(row.placeholder_cost_nano_usd),
  createdAt: row.created_at.toISOString(),
  askAfter: row.ask_after.toISOString(),
  deadline: row.deadline.toISOString(),
});

/**
 * One statement per call; not on the hot path's batcher, since a request adds its row once, after its answer.
 *
 * @example
 * const providerCosts = createPostgresProviderCostRepository(pool);
 */
export function createPostgresProviderCostRepository(pool: pg.Pool): ProviderCostRepository {
  return {
    async add(pending) {
      const result = await pool.query(
        `INSERT INTO pending_provider_costs (request_id, attempt, provider_id, provider_request_id,
           placeholder_cost_nano_usd, created_at, ask_after, deadline)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (request_id, attempt) DO NOTHING`,
        [
          pending.requestId,
          pending.attempt,
          pending.providerId,
          pending.providerRequestId,
          pending.placeholderCostNanoUsd.toString(),
          pending.createdAt,
          pending.askAfter,
          pending.deadline,
        ],
      );
      return (result.rowCount ?? 0) > 0 ? 'added' : 'existing';
    },
    async find({ requestId, attempt }) {
      const { rows } = await pool.query<PendingRow>(
        'SELECT * FROM pending_provider_costs WHERE request_id = $1 AND attempt = $2',
        [requestId, attempt],
      );
      return rows[0] === undefined ? undefined : toPending(rows[0]);
    },
    async listDue({ now, limit }) {
      // COLLATE "C": ties sort by code point, as in the other stores.
      const { rows } = await pool.query<PendingRow>(
        `SELECT * FROM pending_provider_costs WHERE ask_after <= $1
         ORDER BY ask_after, request_id COLLATE "C", attempt LIMIT $2`,
        [now, limit],
      );
      return rows.map(toPending);
    },
    async remove({ requestId, attempt }) {
      await pool.query('DELETE FROM pending_provider_costs WHERE request_id = $1 AND attempt = $2', [
        requestId,
        attempt,
      ]);
    },
  };
}
