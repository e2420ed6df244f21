/** `GET /api/usage` on PostgreSQL: concurrent requests (their records group-committed) add up to the ledger. */
import { billingPeriodOf } from '@tollgate/core';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from '@tollgate/store-postgres/testing';
import { afterEach, expect, it } from 'vitest';
import { CHAT_MODEL, startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';

const postgres = await findTestPostgres();

describeWithPostgres(postgres, 'GET /api/usage on PostgreSQL', (connectionString) => {
  const schemas = useTestSchemas(connectionString);
  let test: TestGateway | undefined;
  afterEach(async () => {
    await test?.close();
  });

  it('records every one of many concurrent requests and sums them to the ledger', async () => {
    const { connectionString: confined } = await schemas.createSchema();
    test = await startTestGateway({ config: { databaseUrl: confined } });
    const store = test.gateway.kernel.store;
    expect(store.description).toMatch(/^postgres:/);
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        test!.chat({
          model: `${CHAT_MODEL}:groq`,
          messages: [{ role: 'user', content: `Request ${index}` }],
          max_tokens: 4,
        }),
      ),
    );
    const ids = responses.map((response) => response.headers.get('x-request-id')!);
    for (const response of responses) {
      expect(response.status).toBe(200);
      await response.json();
    }

    const usage = (await (await test.request('/api/usage')).json()) as {
      requests: number;
      charged: { nanoUsd: string };
      included: { used: { nanoUsd: string } };
      reconciliation: { agrees: boolean };
    };
    const alice = await store.users.findByName('alice');
    const balance = await store.ledger.balance(alice!.id, billingPeriodOf(new Date()));
    const settled = (await store.ledger.listEntries({ accountId: alice!.id })).filter(
      (entry) => entry.kind === 'settle',
    );
    expect(usage.requests).toBe(24);
    expect(settled.map((entry) => entry.requestId).sort()).toEqual([...ids].sort());
    expect(usage.charged.nanoUsd).toBe(
      settled.reduce((sum, entry) => sum + entry.amountNanoUsd, 0n).toString(),
    );
    expect(usage.included.used.nanoUsd).toBe(balance.includedUsedNanoUsd.toString());
    expect(usage.reconciliation.agrees).toBe(true);
  });
});
