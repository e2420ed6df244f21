/**
 * Provider-reported costs on two gateway instances sharing one PostgreSQL database and one provider (decision 0021):
 * both run the provider cost reconciler every 20 ms, one at a time under the store lease; every request is settled
 * once, at the cost the provider reports, whichever instance served it or reconciled it.
 */
import { billingPeriodOf } from '@tollgate/core';
import { createProviderSimulator, type ProviderSimulator } from '@tollgate/provider-test-kit';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from '@tollgate/store-postgres/testing';
import { afterEach, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';
import {
  billedPlugin,
  billedSimulator,
  HF_MODEL,
  MODEL,
  PROVIDER,
  until,
} from './billing.provider-costs.test-helpers.js';
import { aliceId, expectLedgerVerifies } from './billing.test-helpers.js';

const REQUESTS = 30;

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const postgres = await findTestPostgres();

describeWithPostgres(
  postgres,
  'provider-reported costs on two gateway instances sharing PostgreSQL',
  (connectionString) => {
    const schemas = useTestSchemas(connectionString);

    it('settles every request once, at the provider cost, with both instances reconciling', async () => {
      const simulator: ProviderSimulator = await createProviderSimulator({
        ...billedSimulator,
        models: { [PROVIDER]: [HF_MODEL] },
      });
      closers.push(() => simulator.close());
      const { connectionString: databaseUrl } = await schemas.createSchema();
      const instances: TestGateway[] = [];
      // One after the other: the first migrates the schema and creates alice, the second finds both.
      for (let index = 0; index < 2; index += 1) {
        const instance = await startTestGateway({
          plugins: [billedPlugin],
          sharedSimulator: simulator,
          config: { databaseUrl, billing: { providerCosts: { intervalMs: 20 } } },
        });
        closers.push(() => instance.close());
        instances.push(instance);
      }
      const [first] = instances as [TestGateway];
      const store = first.gateway.kernel.store;
      const alice = await aliceId(first);
      await store.ledger.grant({
        accountId: alice,
        period: billingPeriodOf(new Date()),
        grantId: 'prepaid',
        amountNanoUsd: 5_000_000_000n,
      });

      const statuses = await Promise.all(
        Array.from({ length: REQUESTS }, async (_, index) => {
          const response = await (instances[index % 2] as TestGateway).chat({
            model: MODEL,
            messages: [{ role: 'user', content: `Request ${index}` }],
            max_tokens: 8,
          });
          await response.arrayBuffer();
          return response.status;
        }),
      );
      expect(statuses).toEqual(Array.from({ length: REQUESTS }, () => 200));

      await until(async () => {
        const balance = await store.ledger.balance(alice, billingPeriodOf(new Date()));
        return balance.heldNanoUsd === 0n ? true : undefined;
      }, 'every hold closed');

      const entries = await store.ledger.listEntries({ accountId: alice });
      const settles = entries.filter((entry) => entry.kind === 'settle');
      const billing = simulator.billingApi(PROVIDER);
      const providerTotal = billing.servedIds().reduce((sum, id) => sum + (billing.costOf(id) ?? 0n), 0n);
      expect(billing.servedIds()).toHaveLength(REQUESTS);
      expect(settles).toHaveLength(REQUESTS);
      expect(entries.filter((entry) => entry.kind === 'release')).toEqual([]);
      expect(settles.reduce((sum, entry) => sum + entry.amountNanoUsd, 0n)).toBe(providerTotal);
      const recorded = await until(async () => {
        const records = await store.requests.listForAccount({
          accountId: alice,
          from: new Date(Date.now() - 3_600_000).toISOString(),
          to: new Date(Date.now() + 60_000).toISOString(),
        });
        return records.every((record) => record.providerCost === 'reported') ? records : undefined;
      }, 'every record repriced');
      expect(recorded).toHaveLength(REQUESTS);
      expect(recorded.reduce((sum, record) => sum + record.chargedNanoUsd, 0n)).toBe(providerTotal);
      await expectLedgerVerifies(first);
    }, 120_000);
  },
);
