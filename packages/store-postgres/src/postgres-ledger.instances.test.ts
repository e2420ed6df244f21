import { verifyLedger } from '@tollgate/core';
import { runSpendingRace } from '@tollgate/core/testing';
import { expect, it } from 'vitest';
import { createPostgresStore } from './create-postgres-store.js';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from './testing.js';

const postgres = await findTestPostgres();

// Each store has its own pool, so its own server sessions: to PostgreSQL they are as separate as gateway instances.
describeWithPostgres(postgres, 'the PostgreSQL ledger from several gateway instances', (connectionString) => {
  const schemas = useTestSchemas(connectionString);

  it('lets 500 requests spread over three instances spend all of a Free account and not a nano-dollar more', async () => {
    const schema = schemas.reserveSchema();
    const instances = [0, 1, 2].map(() => createPostgresStore({ connectionString, schema }));
    try {
      for (const instance of instances) await instance.migrate();
      const accountId = '11111111-1111-4111-8111-111111111111';
      const allowance = { includedNanoUsd: 100_000_000n, payAsYouGoLimitNanoUsd: 0n };

      const report = await runSpendingRace(
        instances.map((instance) => instance.ledger),
        { accountId, period: '2026-03', allowance, clients: 500, requestNanoUsd: 300_000n, failEvery: 7 },
      );

      expect(report.chargedNanoUsd).toBe(100_000_000n);
      expect(report.settled).toBeGreaterThanOrEqual(334);
      expect(report.refused).toBe(500);
      const [first, second] = instances as [(typeof instances)[0], (typeof instances)[0]];
      expect(await second.ledger.balance(accountId, '2026-03')).toMatchObject({
        includedUsedNanoUsd: 100_000_000n,
        heldNanoUsd: 0n,
      });
      expect(verifyLedger(await first.ledger.snapshot())).toEqual([]);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
    }
  });

  it('lets a PRO account with a prepaid grant spend from every instance with one consistent split', async () => {
    const schema = schemas.reserveSchema();
    const instances = [0, 1, 2].map(() => createPostgresStore({ connectionString, schema }));
    try {
      for (const instance of instances) await instance.migrate();
      const accountId = '22222222-2222-4222-8222-222222222222';
      const [first] = instances as [(typeof instances)[0]];
      await first.ledger.grant({ accountId, period: '2026-03', grantId: 'g', amountNanoUsd: 1_000_000_000n });
      const allowance = { includedNanoUsd: 2_000_000_000n, payAsYouGoLimitNanoUsd: 500_000_000n };

      const report = await runSpendingRace(
        instances.map((instance) => instance.ledger),
        { accountId, period: '2026-03', allowance, clients: 90, requestNanoUsd: 40_000_000n, failEvery: 4 },
      );

      expect(report.chargedNanoUsd).toBe(3_500_000_000n);
      expect(await first.ledger.balance(accountId, '2026-03')).toMatchObject({
        includedUsedNanoUsd: 2_000_000_000n,
        prepaidUsedNanoUsd: 1_000_000_000n,
        payAsYouGoUsedNanoUsd: 500_000_000n,
        heldNanoUsd: 0n,
      });
      expect(verifyLedger(await first.ledger.snapshot())).toEqual([]);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
    }
  });

  it('answers each call of a batch as a single call would: duplicates, unknown holds and many accounts', async () => {
    const schema = schemas.reserveSchema();
    const store = createPostgresStore({ connectionString, schema });
    try {
      await store.migrate();
      const allowance = { includedNanoUsd: 1_000n, payAsYouGoLimitNanoUsd: 0n };
      const accounts = ['c-account', 'a-account', 'b-account'];
      // Issued in one tick, so they leave in batches (call-batcher.ts), accounts in no particular order.
      const reserved = await Promise.all([
        ...accounts.map((accountId, index) =>
          store.ledger.reserve({
            accountId,
            period: '2026-03',
            requestId: `r${index}`,
            attempt: 1,
            amountNanoUsd: 600n,
            allowance,
          }),
        ),
        store.ledger.reserve({
          accountId: 'a-account',
          period: '2026-03',
          requestId: 'r1',
          attempt: 1,
          amountNanoUsd: 600n,
          allowance,
        }),
        store.ledger.reserve({
          accountId: 'a-account',
          period: '2026-03',
          requestId: 'r9',
          attempt: 1,
          amountNanoUsd: 600n,
          allowance,
        }),
      ]);
      expect(reserved.map((result) => result.outcome)).toEqual([
        'held',
        'held',
        'held',
        'existing',
        'insufficient',
      ]);

      const closed = await Promise.all([
        store.ledger.settle({ requestId: 'r0', attempt: 1, costNanoUsd: 250n }),
        store.ledger.settle({ requestId: 'r0', attempt: 1, costNanoUsd: 250n }),
        store.ledger.release({ requestId: 'r1', attempt: 1 }),
        store.ledger.settle({ requestId: 'r2', attempt: 1, costNanoUsd: 9_999n }),
        store.ledger.settle({ requestId: 'never-held', attempt: 1, costNanoUsd: 1n }),
      ]);
      expect(closed.map((result) => result.outcome).sort()).toEqual(
        ['already-settled', 'released', 'settled', 'settled', 'unknown-hold'].sort(),
      );
      expect(closed[3]).toMatchObject({
        outcome: 'settled',
        entry: { amountNanoUsd: 600n, costNanoUsd: 9_999n },
      });
      expect(await store.ledger.balance('c-account', '2026-03')).toMatchObject({
        includedUsedNanoUsd: 250n,
        heldNanoUsd: 0n,
      });
      expect(verifyLedger(await store.ledger.snapshot())).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
