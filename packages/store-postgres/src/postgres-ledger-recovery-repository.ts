/** The ledger_checkpoints and leases tables behind `LedgerRecoveryRepository` (decision 0020). */
import type { CheckpointedRequest, LedgerRecoveryRepository } from '@tollgate/core';
import type pg from 'pg';

interface CheckpointRow {
  readonly request_id: string;
  readonly attempt: number;
  /** BIGINT arrives as a string. */
  readonly cost_nano_usd: string;
  readonly updated_at: Date;
  readonly request_json: string | null;
}

/**
 * Each write is one statement: a checkpoint keeps the higher cost in its upsert, and a lease is taken by a
 * conditional upsert under the row's lock, so two instances never both hold it.
 *
 * @example
 * const recovery = createPostgresLedgerRecoveryRepository(pool);
 */
export function createPostgresLedgerRecoveryRepository(pool: pg.Pool): LedgerRecoveryRepository {
  return {
    async checkpoint({ requestId, attempt, costNanoUsd, updatedAt, request }) {
      await pool.query(
        `INSERT INTO ledger_checkpoints AS c (request_id, attempt, cost_nano_usd, updated_at, request_json)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (request_id, attempt) DO UPDATE SET
           cost_nano_usd = GREATEST(c.cost_nano_usd, excluded.cost_nano_usd), updated_at = excluded.updated_at,
           request_json = COALESCE(c.request_json, excluded.request_json)`,
        [
          requestId,
          attempt,
          costNanoUsd.toString(),
          updatedAt,
          request === undefined ? null : JSON.stringify(request),
        ],
      );
    },
    async findCheckpoint({ requestId, attempt }) {
      const { rows } = await pool.query<CheckpointRow>(
        'SELECT * FROM ledger_checkpoints WHERE request_id = $1 AND attempt = $2',
        [requestId, attempt],
      );
      const row = rows[0];
      if (row === undefined) return undefined;
      return {
        requestId: row.request_id,
        attempt: row.attempt,
        costNanoUsd: BigInt(row.cost_nano_usd),
        updatedAt: row.updated_at.toISOString(),
        ...(row.request_json === null
          ? {}
          : { request: JSON.parse(row.request_json) as CheckpointedRequest }),
      };
    },
    async pruneCheckpoints(updatedBefore) {
      const result = await pool.query(
        `DELETE FROM ledger_checkpoints c WHERE c.updated_at < $1 AND NOT EXISTS (
           SELECT 1 FROM ledger_open_holds o WHERE o.request_id = c.request_id AND o.attempt = c.attempt)`,
        [updatedBefore],
      );
      return result.rowCount ?? 0;
    },
    async claimLease({ name, holder, now, leaseUntil }) {
      const result = await pool.query(
        `INSERT INTO leases AS l (name, holder, lease_until) VALUES ($1, $2, $4)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, lease_until = excluded.lease_until
         WHERE l.holder = excluded.holder OR l.lease_until <= $3`,
        [name, holder, now, leaseUntil],
      );
      return (result.rowCount ?? 0) > 0;
    },
    async releaseLease({ name, holder }) {
      await pool.query('DELETE FROM leases WHERE name = $1 AND holder = $2', [name, holder]);
    },
  };
}
