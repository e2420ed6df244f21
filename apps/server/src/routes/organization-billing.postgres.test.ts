import { billingPeriodOf } from '@tollgate/core';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from '@tollgate/store-postgres/testing';
import { afterEach, expect, it } from 'vitest';
import { CHAT_MODEL, startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';

const postgres = await findTestPostgres();
const messages = [{ role: 'user', content: 'Bill this to my team' }];

describeWithPostgres(postgres, 'X-HF-Bill-To and token permissions on PostgreSQL', (connectionString) => {
  const schemas = useTestSchemas(connectionString);
  let test: TestGateway | undefined;
  afterEach(async () => {
    await test?.close();
  });

  it("charges the organization's ledger account, stops it at its spending limit, and refuses a token without the permission", async () => {
    const { connectionString: confined } = await schemas.createSchema();
    test = await startTestGateway({ config: { databaseUrl: confined } });
    const store = test.gateway.kernel.store;
    expect(store.description).toMatch(/^postgres:/);
    const alice = await store.users.findByName('alice');
    const acme = await store.organizations.create({ name: 'acme' });
    await store.billingAccounts.setOrganizationBilling(acme.id, {
      plan: 'enterprise',
      seats: 1,
      spendingLimitNanoUsd: 0n,
    });
    await store.organizations.setMember({ organizationId: acme.id, userId: alice!.id, role: 'read' });
    const billed = () =>
      test!.chat({ model: `${CHAT_MODEL}:groq`, messages }, { headers: { 'x-hf-bill-to': 'acme' } });

    const served = await billed();

    expect(served.status).toBe(200);
    const period = billingPeriodOf(new Date());
    const balance = await store.ledger.balance(acme.id, period);
    expect(balance.includedUsedNanoUsd).toBeGreaterThan(0n);
    expect(await store.ledger.listEntries({ accountId: alice!.id })).toEqual([]);

    // What is left of the included $2.00 is spent elsewhere; a zero limit then stops the organization.
    const left = balance.includedNanoUsd - balance.includedUsedNanoUsd;
    await store.ledger.reserve({
      accountId: acme.id,
      period,
      requestId: 'earlier',
      attempt: 1,
      amountNanoUsd: left,
      allowance: { includedNanoUsd: balance.includedNanoUsd, payAsYouGoLimitNanoUsd: 0n },
    });
    await store.ledger.settle({ requestId: 'earlier', attempt: 1, costNanoUsd: left });
    expect((await billed()).status).toBe(402);

    const { token } = await test.gateway.kernel.tokens.issue(alice!.id, 'ci', { permissions: [] });
    const refused = await test.chat(
      { model: `${CHAT_MODEL}:groq`, messages },
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'token_permission_required',
    );
  });
});
