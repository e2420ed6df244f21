/**
 * The proof for providers not integrated with billing (decision 0022), through HTTP: 200 concurrent requests, three
 * in four to an estimated provider and the rest to an integrated one, on a Free account with prepaid credits. The
 * estimated provider never spends more than the included $0.10 and never a nano-dollar of prepaid credit, the
 * integrated one goes on with prepaid credits, and the ledger verifies. On SQLite, and on two gateway instances
 * sharing one PostgreSQL database.
 */
import { billingPeriodOf } from '@tollgate/core';
import groqPlugin from '@tollgate/provider-groq';
import nscalePlugin from '@tollgate/provider-nscale';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from '@tollgate/store-postgres/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerConfig } from '../config/server-config.js';
import { CHAT_MODEL, startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';
import {
  aliceId,
  balanceOf,
  expectLedgerVerifies,
  FREE_CREDITS_NANO_USD,
  STEEP_RATE,
  settled,
} from './billing.test-helpers.js';

const CLIENTS = 200;
const PREPAID_NANO_USD = 5_000_000_000n;

const gateways: TestGateway[] = [];
afterEach(async () => {
  for (const gateway of gateways.splice(0)) await gateway.close();
});

async function start(config: Partial<ServerConfig> = {}): Promise<TestGateway> {
  const gateway = await startTestGateway({
    plugins: [groqPlugin, nscalePlugin],
    config: {
      ...config,
      providers: {
        groq: { rates: { [CHAT_MODEL]: STEEP_RATE } },
        nscale: { rates: { [CHAT_MODEL]: { inputPerMillionTokens: '0.5', outputPerMillionTokens: '500' } } },
      },
      billing: { estimatedCostFactor: '4/3' },
    },
  });
  gateways.push(gateway);
  return gateway;
}

async function race(instances: readonly TestGateway[]): Promise<void> {
  const [first] = instances as [TestGateway];
  await first.gateway.kernel.store.ledger.grant({
    accountId: await aliceId(first),
    period: billingPeriodOf(new Date()),
    grantId: 'prepaid',
    amountNanoUsd: PREPAID_NANO_USD,
  });

  const statuses = await Promise.all(
    Array.from({ length: CLIENTS }, async (_, index) => {
      const instance = instances[index % instances.length] as TestGateway;
      const provider = index % 4 === 3 ? 'groq' : 'nscale';
      const response = await instance.chat({
        model: `${CHAT_MODEL}:${provider}`,
        messages: [{ role: 'user', content: `Race ${index}` }],
        max_tokens: 16,
      });
      await response.text();
      return { provider, status: response.status };
    }),
  );
  const balance = await settled(first);

  expect(statuses.every(({ status }) => status === 200 || status === 402)).toBe(true);
  // The estimated provider ran out of included credits; the integrated one had prepaid credits to go on with.
  expect(statuses.some(({ provider, status }) => provider === 'nscale' && status === 402)).toBe(true);
  expect(statuses.filter(({ provider }) => provider === 'groq').every(({ status }) => status === 200)).toBe(
    true,
  );
  const entries = await first.gateway.kernel.store.ledger.listEntries();
  const estimated = new Set(
    entries
      .filter((entry) => entry.kind === 'hold' && entry.includedOnly === true)
      .map((entry) => entry.requestId),
  );
  const estimatedSettlements = entries.filter(
    (entry) => entry.kind === 'settle' && estimated.has(entry.requestId),
  );
  const spent = estimatedSettlements.reduce((sum, entry) => sum + entry.amountNanoUsd, 0n);
  expect(estimatedSettlements.length).toBe(
    statuses.filter(({ provider, status }) => provider === 'nscale' && status === 200).length,
  );
  expect(spent).toBeLessThanOrEqual(FREE_CREDITS_NANO_USD);
  for (const entry of estimatedSettlements) expect(entry.prepaidNanoUsd + entry.payAsYouGoNanoUsd).toBe(0n);
  expect(balance.includedUsedNanoUsd).toBeLessThanOrEqual(FREE_CREDITS_NANO_USD);
  expect(balance.prepaidUsedNanoUsd).toBeGreaterThan(0n);
  expect(balance.prepaidUsedNanoUsd).toBeLessThanOrEqual(PREPAID_NANO_USD);
  expect(balance).toMatchObject({ heldNanoUsd: 0n, includedHeldNanoUsd: 0n, payAsYouGoUsedNanoUsd: 0n });
  expect((await balanceOf(first)).heldNanoUsd).toBe(0n);
  await expectLedgerVerifies(first);
}

describe('an estimated provider under 200 concurrent requests beside an integrated one', () => {
  it('never spends beyond included credits, nor any prepaid credit (SQLite)', async () => {
    await race([await start()]);
  }, 120_000);
});

const postgres = await findTestPostgres();

describeWithPostgres(
  postgres,
  'an estimated provider under 200 concurrent requests on two gateway instances sharing PostgreSQL',
  (connectionString) => {
    const schemas = useTestSchemas(connectionString);

    it('never spends beyond included credits, nor any prepaid credit', async () => {
      const { connectionString: databaseUrl } = await schemas.createSchema();
      // One after the other: the first migrates the schema and creates alice, the second finds both.
      const first = await start({ databaseUrl });
      const second = await start({ databaseUrl });
      await race([first, second]);
    }, 120_000);
  },
);
