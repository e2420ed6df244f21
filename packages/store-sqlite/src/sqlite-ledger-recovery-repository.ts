/** The ledger_checkpoints and leases tables behind `LedgerRecoveryRepository` (decision 0020). */
import type { CheckpointedRequest, LedgerRecoveryRepository } from '@tollgate/core';
import type Database from 'better-sqlite3';
import { prepareOnce } from './prepare-once.js';
import { createTurnBatchedWriter } from './turn-batched-writer.js';

interface CheckpointRow {
  readonly request_id: string;
  readonly attempt: number;
  readonly cost_nano_usd: bigint;
  readonly updated_at: string;
  readonly request_json: string | null;
}

/**
 * Each write is one statement: a checkpoint keeps the higher cost in its upsert, and a lease is taken by a
 * conditional upsert, so two connections (or processes) on one file never both hold it.
 *
 * @example
 * const recovery = createSqliteLedgerRecoveryRepository(database);
 * await recovery.checkpoint({ requestId, attempt: 1, costNanoUsd: 1_200n, updatedAt: new Date().toISOString() });
 */
export function createSqliteLedgerRecoveryRepository(database: Database.Database): LedgerRecoveryRepository {
  const upsertCheckpoint = prepareOnce<[Record<string, unknown>], unknown>(
    database,
    `INSERT INTO ledger_checkpoints (request_id, attempt, cost_nano_usd, updated_at, request_json)
     VALUES (@requestId, @attempt, @costNanoUsd, @updatedAt, @requestJson)
     ON CONFLICT (request_id, attempt) DO UPDATE SET
       cost_nano_usd = MAX(cost_nano_usd, excluded.cost_nano_usd),
       updated_at = excluded.updated_at,
       request_json = COALESCE(request_json, excluded.request_json)`,
  );
  const selectCheckpoint = prepareOnce<[string, number], CheckpointRow>(
    database,
    'SELECT * FROM ledger_checkpoints WHERE request_id = ? AND attempt = ?',
  );
  const prune = prepareOnce<[string], unknown>(
    database,
    `DELETE FROM ledger_checkpoints WHERE updated_at < ? AND NOT EXISTS (
       SELECT 1 FROM ledger_open_holds o
       WHERE o.request_id = ledger_checkpoints.request_id AND o.attempt = ledger_checkpoints.attempt)`,
  );
  const claim = prepareOnce<[Record<string, unknown>], unknown>(
    database,
    `INSERT INTO leases (name, holder, lease_until) VALUES (@name, @holder, @leaseUntil)
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, lease_until = excluded.lease_until
     WHERE leases.holder = excluded.holder OR leases.lease_until <= @now`,
  );
  const release = prepareOnce<[string, string], unknown>(
    database,
    'DELETE FROM leases WHERE name = ? AND holder = ?',
  );
  // Checkpoints of one turn commit with the ledger's and the request records' writes (turn-batched-writer.ts).
  const writeCheckpoint = createTurnBatchedWriter(
    database,
    (checkpoint: Record<string, unknown>) => upsertCheckpoint().run(checkpoint).changes,
  );
  return {
    async checkpoint({ requestId, attempt, costNanoUsd, updatedAt, request }) {
      const requestJson = request === undefined ? null : JSON.stringify(request);
      await writeCheckpoint({ requestId, attempt, costNanoUsd, updatedAt, requestJson });
    },
    async findCheckpoint({ requestId, attempt }) {
      const row = selectCheckpoint().safeIntegers(true).get(requestId, attempt);
      if (row === undefined) return undefined;
      return {
        requestId: row.request_id,
        attempt: Number(row.attempt),
        costNanoUsd: BigInt(row.cost_nano_usd),
        updatedAt: row.updated_at,
        ...(row.request_json === null
          ? {}
          : { request: JSON.parse(row.request_json) as CheckpointedRequest }),
      };
    },
    async pruneCheckpoints(updatedBefore) {
      return prune().run(updatedBefore).changes;
    },
    async claimLease({ name, holder, now, leaseUntil }) {
      return claim().run({ name, holder, now, leaseUntil }).changes > 0;
    },
    async releaseLease({ name, holder }) {
      release().run(name, holder);
    },
  };
}
