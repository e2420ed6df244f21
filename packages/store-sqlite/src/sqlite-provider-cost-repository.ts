/** The pending_provider_costs table behind `ProviderCostRepository` (decision 0021). */
import type { PendingProviderCost, ProviderCostRepository } from '@tollgate/core';
import type Database from 'better-sqlite3';
import { prepareOnce } from './prepare-once.js';

interface PendingRow {
  readonly request_id: string;
  readonly attempt: bigint;
  readonly provider_id: string;
  readonly provider_request_id: string;
  readonly placeholder_cost_nano_usd: bigint;
  readonly created_at: string;
  readonly ask_after: string;
  readonly deadline: string;
}

const toPending = (row: PendingRow): PendingProviderCost => ({
  requestId: row.request_id,
  attempt: Number(row.attempt),
  providerId: row.provider_id,
  providerRequestId: row.provider_request_id,
  placeholderCostNanoUsd: BigInt(row.placeholder_cost_nano_usd),
  createdAt: row.created_at,
  askAfter: row.ask_after,
  deadline: row.deadline,
});

/**
 * Times are stored as `toISOString()` text, so text order is time order.
 *
 * @example
 * const providerCosts = createSqliteProviderCostRepository(database);
 */
export function createSqliteProviderCostRepository(database: Database.Database): ProviderCostRepository {
  const insert = prepareOnce<[Record<string, unknown>], unknown>(
    database,
    `INSERT INTO pending_provider_costs (request_id, attempt, provider_id, provider_request_id,
       placeholder_cost_nano_usd, created_at, ask_after, deadline)
     VALUES (@requestId, @attempt, @providerId, @providerRequestId, @placeholderCostNanoUsd, @createdAt, @askAfter,
       @deadline)
     ON CONFLICT (request_id, attempt) DO NOTHING`,
  );
  const selectOne = prepareOnce<[string, number], PendingRow>(
    database,
    'SELECT * FROM pending_provider_costs WHERE request_id = ? AND attempt = ?',
  );
  const selectDue = prepareOnce<[string, number], PendingRow>(
    database,
    `SELECT * FROM pending_provider_costs WHERE ask_after <= ? ORDER BY ask_after, request_id, attempt LIMIT ?`,
  );
  const remove = prepareOnce<[string, number], unknown>(
    database,
    'DELETE FROM pending_provider_costs WHERE request_id = ? AND attempt = ?',
  );
  const iso = (text: string) => new Date(text).toISOString();
  return {
    async add(pending) {
      const changes = insert().run({
        ...pending,
        createdAt: iso(pending.createdAt),
        askAfter: iso(pending.askAfter),
        deadline: iso(pending.deadline),
      }).changes;
      return changes > 0 ? 'added' : 'existing';
    },
    async find({ requestId, attempt }) {
      const row = selectOne().safeIntegers(true).get(requestId, attempt);
      return row === undefined ? undefined : toPending(row);
    },
    async listDue({ now, limit }) {
      return selectDue().safeIntegers(true).all(iso(now), limit).map(toPending);
    },
    async remove({ requestId, attempt }) {
      remove().run(requestId, attempt);
    },
  };
}
