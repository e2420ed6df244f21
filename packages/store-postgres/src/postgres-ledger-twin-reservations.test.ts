import { verifyLedger } from '@tollgate/core';
import type pg from 'pg';
import { expect, it } from 'vitest';
import { createPostgresStore } from './create-postgres-store.js';
import { openPostgresPool } from './open-postgres-pool.js';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from './testing.js';

const postgres = await findTestPostgres();

const accountId = '11111111-1111-4111-8111-111111111111';
const allowance = { includedNanoUsd: 100_000_000n, payAsYouGoLimitNanoUsd: 0n };

// A reservation must look for its hold after it has the account's lock (migration 18): a statement's snapshot is
// taken before it waits, so a look made there misses a twin of the same (request, attempt) that committed meanwhile.
// These tests make a twin wait on that lock while the first reservation commits, which timing alone rarely arranges.
describeWithPostgres(postgres, 'PostgreSQL twin reservations', (connectionString) => {
  const schemas = useTestSchemas(connectionString);

  for (const [name, amountNanoUsd] of [
    ['a hold the balance could pay twice', 10_000_000n],
    ['a hold of all the balance', 100_000_000n],
  ] as const) {
    it(`gives a twin that waited for the lock the first hold: ${name}`, async () => {
      const schema = schemas.reserveSchema();
      const store = createPostgresStore({ connectionString, schema });
      const pool = openPostgresPool({ connectionString, schema });
      const first = await pool.connect();
      try {
        await store.migrate();
        await first.query('BEGIN');
        const { rows } = await first.query<{ out_outcome: string; out_sequence: string }>(
          `SELECT out_outcome, out_sequence FROM tollgate_ledger_reserve_many(ARRAY[$1], ARRAY['2026-03'],
             ARRAY['twin'], ARRAY[1], ARRAY[$2::bigint], ARRAY[$2::bigint], ARRAY[$3::bigint], ARRAY[0::bigint],
             ARRAY[false], now())`,
          [accountId, amountNanoUsd.toString(), allowance.includedNanoUsd.toString()],
        );
        expect(rows).toEqual([{ out_outcome: 'held', out_sequence: expect.any(String) }]);

        const twin = store.ledger.reserve({
          accountId,
          period: '2026-03',
          requestId: 'twin',
          attempt: 1,
          amountNanoUsd,
          allowance,
        });
        await waitForLockWait(pool, schema);
        await first.query('COMMIT');

        expect(await twin).toMatchObject({ outcome: 'existing', hold: { requestId: 'twin', amountNanoUsd } });
        expect((await store.ledger.balance(accountId, '2026-03')).heldNanoUsd).toBe(amountNanoUsd);
        expect((await store.ledger.listEntries()).map((entry) => entry.kind)).toEqual(['hold']);
        expect(verifyLedger(await store.ledger.snapshot())).toEqual([]);
      } finally {
        first.release();
        await pool.end();
        await store.close();
      }
    });
  }
});

/**
 * Resolves once a reservation waits for a lock, or fails after a few seconds. Asked on a connection outside any
 * transaction: within one, `pg_stat_activity` stays as it was first read.
 */
async function waitForLockWait(pool: pg.Pool, schema: string): Promise<void> {
  for (let round = 0; round < 200; round += 1) {
    const { rowCount } = await pool.query(
      `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%tollgate_ledger_reserve_many%'
         AND pid <> pg_backend_pid()`,
    );
    if ((rowCount ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no session on schema ${schema} came to wait for the account's lock`);
}
