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
});
