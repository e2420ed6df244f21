import { verifyLedger } from '@tollgate/core';
import type pg from 'pg';
import { expect, it } from 'vitest';
import { createPostgresStore } from './create-postgres-store.js';
import { openPostgresPool } from './open-postgres-pool.js';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from './testing.js';

const postgres = await findTestPostgres();

// The batch functions keep an account's figures in variables across a run of its calls and write them once
// (migration 19). A batch must therefore do exactly what its calls do one at a time, in the order the batch takes
// them (by account, then period, then position): the same outcomes, amounts and splits, and the same balances.
// Seeded random batches of reservations and closings on two accounts, two periods, included-only holds and prepaid
// credit, each run both ways on schemas of their own.

interface Reservation {
  readonly account: string;
  readonly period: string;
  readonly request: string;
  readonly amount: bigint;
  readonly minimum: bigint;
  readonly included: bigint;
  readonly limit: bigint | null;
  readonly includedOnly: boolean;
}

interface Closing {
  readonly request: string;
  readonly kind: 'settle' | 'release';
  readonly cost: bigint | null;
}

/** A small deterministic generator (mulberry32), so a failing seed can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function scenario(seed: number): { reservations: Reservation[]; closings: Closing[] } {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const reservations = Array.from({ length: 6 + Math.floor(next() * 14) }, (_, index): Reservation => {
    const amount = BigInt(1 + Math.floor(next() * 40)) * 1_000_000n;
    return {
      account: pick(['acct-a', 'acct-b']),
      period: pick(['2026-03', '2026-03', '2026-04']),
      // A repeated request now and then: the second is answered with the first's hold.
      request: next() < 0.1 && index > 0 ? `r-${index - 1}` : `r-${index}`,
      amount,
      minimum: next() < 0.5 ? amount : 1n,
      included: pick([50_000_000n, 100_000_000n]),
      limit: pick([0n, 0n, 30_000_000n, null]),
      includedOnly: next() < 0.3,
    };
  });
  const closings = [...new Set(reservations.map((call) => call.request))]
    .filter(() => next() < 0.85)
    .map((request): Closing => {
      const settle = next() < 0.75;
      return {
        request,
        kind: settle ? 'settle' : 'release',
        cost: settle ? BigInt(Math.floor(next() * 45)) * 1_000_000n : null,
      };
    });
  return { reservations, closings };
}

async function reserve(pool: pg.Pool, calls: readonly Reservation[], at: string) {
  const { rows } = await pool.query(
    `SELECT out_index, out_outcome, out_amount::text, out_available::text
       FROM tollgate_ledger_reserve_many($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ORDER BY out_index`,
    [
      calls.map((call) => call.account),
      calls.map((call) => call.period),
      calls.map((call) => call.request),
      calls.map(() => 1),
      calls.map((call) => call.amount.toString()),
      calls.map((call) => call.minimum.toString()),
      calls.map((call) => call.included.toString()),
      calls.map((call) => call.limit?.toString() ?? null),
      calls.map((call) => call.includedOnly),
      calls.map(() => null),
      calls.map(() => null),
      at,
    ],
  );
  return rows.map(({ out_index: _, ...row }) => row);
}

async function close(pool: pg.Pool, calls: readonly Closing[], at: string) {
  const { rows } = await pool.query(
    `SELECT out_index, out_closed, out_account, out_period, out_kind, out_amount::text, out_included::text,
        out_prepaid::text, out_pay_as_you_go::text
       FROM tollgate_ledger_close_many($1, $2, $3, $4, $5) ORDER BY out_index`,
    [
      calls.map((call) => call.request),
      calls.map(() => 1),
      calls.map((call) => call.kind),
      calls.map((call) => call.cost?.toString() ?? null),
      at,
    ],
  );
  return rows.map(({ out_index: _, ...row }) => row);
}

/** The batch functions' order: by account, then period, then position (a closing by its hold's). */
function inBatchOrder<T>(calls: readonly T[], keyOf: (call: T) => string): T[] {
  return calls
    .map((call, index) => ({ call, index, key: keyOf(call) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index))
    .map(({ call }) => call);
}

async function oneAtATime<T>(calls: readonly T[], run: (call: T) => Promise<unknown[]>): Promise<unknown[]> {
  const rows: unknown[] = [];
  for (const call of calls) rows.push(...(await run(call)));
  return rows;
}

describeWithPostgres(postgres, 'PostgreSQL ledger batches', (connectionString) => {
  const schemas = useTestSchemas(connectionString);

  it('does in one batch what its calls do one at a time, in the batch order', async () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
      const { reservations, closings } = scenario(seed);
      const outcomes: unknown[] = [];
      const balances: unknown[] = [];
      for (const batched of [true, false]) {
        const schema = schemas.reserveSchema();
        const store = createPostgresStore({ connectionString, schema });
        const pool = openPostgresPool({ connectionString, schema });
        try {
          await store.migrate();
          const at = '2026-03-15T12:00:00.000Z';
          for (const account of ['acct-a', 'acct-b']) {
            await store.ledger.grant({
              accountId: account,
              period: '2026-03',
              grantId: `g-${account}`,
              amountNanoUsd: 20_000_000n,
            });
          }
          const holdOf = new Map(reservations.map((call) => [call.request, call]));
          const reservationOrder = inBatchOrder(reservations, (call) => `${call.account}/${call.period}`);
          const closingOrder = inBatchOrder(closings, (call) => {
            const hold = holdOf.get(call.request) as Reservation;
            return `${hold.account}/${hold.period}`;
          });
          const reserved = batched
            ? await reserve(pool, reservationOrder, at)
            : await oneAtATime(reservationOrder, (call) => reserve(pool, [call], at));
          const closed = batched
            ? await close(pool, closingOrder, at)
            : await oneAtATime(closingOrder, (call) => close(pool, [call], at));
          outcomes.push({ reserved, closed });
          const snapshot = await store.ledger.snapshot();
          expect(verifyLedger(snapshot), `seed ${seed}, batched ${batched}`).toEqual([]);
          const byKey = (row: { accountId: string; period?: string }) =>
            `${row.accountId}/${row.period ?? ''}`;
          const sorted = <T extends { accountId: string; period?: string }>(rows: readonly T[]) =>
            [...rows].sort((a, b) => byKey(a).localeCompare(byKey(b)));
          balances.push({ accounts: sorted(snapshot.accounts), periods: sorted(snapshot.periods) });
        } finally {
          await pool.end();
          await store.close();
        }
      }
      expect(outcomes[0], `seed ${seed}`).toEqual(outcomes[1]);
      expect(balances[0], `seed ${seed}`).toEqual(balances[1]);
    }
  }, 120_000);
});
