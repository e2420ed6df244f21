/**
 * The proof, through HTTP: a Free account's $0.10 under 500 concurrent clients, JSON and streamed, each retrying
 * while money is still held by requests in flight. The account is charged what the ledger says and never more than
 * $0.10, nearly all of it is spent, and then every request gets a 402. On SQLite, on PostgreSQL, and on three
 * gateway instances sharing one PostgreSQL database with the clients spread across them.
 */
import { usdNumber } from '@tollgate/core';
import groqPlugin from '@tollgate/provider-groq';
import type { SyncTaskHandlerV1 } from '@tollgate/provider-spec';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from '@tollgate/store-postgres/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { readSseData, type TestGateway } from '../test-gateway.test-helpers.js';
import {
  balanceOf,
  chargesOf,
  expectLedgerVerifies,
  FREE_CREDITS_NANO_USD,
  MODEL,
  settled,
  startBillingGateway,
} from './billing.test-helpers.js';

// $10 per 1M input tokens and $100 per 1M output tokens: 10,000 and 100,000 nano-USD per token.
const RATE = { inputPerMillionTokens: '10', outputPerMillionTokens: '100' };
const CLIENTS = 500;
const chat = groqPlugin.tasks.conversational as SyncTaskHandlerV1;

function body(client: number) {
  return {
    model: MODEL,
    messages: [{ role: 'user', content: `Client ${client} asks for a short answer.` }],
    max_tokens: 20,
    ...(client % 2 === 1 ? { stream: true, stream_options: { include_usage: client % 4 === 1 } } : {}),
  };
}

/** The least a request of `client` can be served for: its input's worst case and the 16-token floor. */
function leastHold(client: number): bigint {
  const inputTokens = BigInt(chat.boundUsage!({ input: body(client) })!.usage.inputTokens!);
  return inputTokens * 10_000n + 16n * 100_000n;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs the race on `instances` (gateways on one store; client i talks to instance i mod n) and checks every
 * promise of the ledger.
 */
async function raceFreeAccount(instances: readonly [TestGateway, ...TestGateway[]]): Promise<void> {
  const [test] = instances;
  const reportedCosts = new Map<string, number>();
  let served = 0;
  const servedBy = new Map<TestGateway, number>();
  let refused = 0;
  const statuses = new Set<number>();
  let threshold = 0n;
  for (let index = 0; index < CLIENTS; index += 1) {
    const least = leastHold(index);
    if (least > threshold) threshold = least;
  }

  async function client(index: number): Promise<void> {
    const instance = instances[index % instances.length]!;
    for (;;) {
      const response = await instance.chat(body(index));
      statuses.add(response.status);
      const requestId = response.headers.get('x-request-id')!;
      if (response.status === 200) {
        served += 1;
        servedBy.set(instance, (servedBy.get(instance) ?? 0) + 1);
        if (index % 2 === 0) {
          reportedCosts.set(requestId, ((await response.json()) as { usage: { cost: number } }).usage.cost);
        } else {
          const events = await readSseData(response);
          expect(events.at(-1)).toBe('[DONE]');
          const usageEvent = events.find((event) => event.includes('"cost"'));
          if (usageEvent !== undefined) {
            reportedCosts.set(requestId, (JSON.parse(usageEvent) as { usage: { cost: number } }).usage.cost);
          }
        }
        continue;
      }
      expect(response.status).toBe(402);
      refused += 1;
      await response.body?.cancel();
      // Refused while others hold credit that may come back: try again later; done once too little is left.
      const balance = await balanceOf(test);
      const left = balance.includedNanoUsd - balance.includedUsedNanoUsd - balance.heldNanoUsd;
      if (balance.heldNanoUsd === 0n && left < threshold) return;
      await pause(50 + Math.floor(Math.random() * 150));
    }
  }

  await Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)));
  const balance = await settled(test);
  expect(statuses).toEqual(new Set([200, 402]));
  // Every instance took its share of the race.
  for (const instance of instances) expect(servedBy.get(instance)).toBeGreaterThan(0);
  expect(balance.heldNanoUsd).toBe(0n);

  const charges = await chargesOf(test);
  const total = [...charges.values()].reduce((sum, charge) => sum + charge, 0n);
  expect(charges.size).toBe(served);
  expect(total).toBe(balance.includedUsedNanoUsd);
  expect(total).toBeLessThanOrEqual(FREE_CREDITS_NANO_USD);
  expect(total * 100n).toBeGreaterThanOrEqual(FREE_CREDITS_NANO_USD * 90n);
  expect(refused).toBeGreaterThanOrEqual(CLIENTS);
  await expectLedgerVerifies(test);

  // Every answer's usage.cost is its ledger charge.
  expect(reportedCosts.size).toBeGreaterThan(served / 2);
  for (const [requestId, cost] of reportedCosts) expect(cost).toBe(usdNumber(charges.get(requestId)!));

  for (const instance of instances) {
    const after = await instance.chat(body(0));
    expect(after.status).toBe(402);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe('insufficient_credit');
  }
}

describe('a Free account under 500 concurrent clients', () => {
  let test: TestGateway | undefined;
  afterEach(async () => {
    await test?.close();
    test = undefined;
  });

  it('is charged exactly what the ledger says, at most $0.10, nearly all of it, then 402 (SQLite)', async () => {
    test = await startBillingGateway(RATE);
    await raceFreeAccount([test]);
  }, 180_000);
});

const postgres = await findTestPostgres();

describeWithPostgres(
  postgres,
  'a Free account under 500 concurrent clients on PostgreSQL',
  (connectionString) => {
    const schemas = useTestSchemas(connectionString);
    let test: TestGateway | undefined;
    afterEach(async () => {
      await test?.close();
      test = undefined;
    });

    it('is charged exactly what the ledger says, at most $0.10, nearly all of it, then 402', async () => {
      const { connectionString: databaseUrl } = await schemas.createSchema();
      test = await startBillingGateway(RATE, { config: { databaseUrl } });
      await raceFreeAccount([test]);
    }, 180_000);
  },
);

describeWithPostgres(
  postgres,
  'a Free account under 500 concurrent clients spread over three gateway instances on one PostgreSQL',
  (connectionString) => {
    const schemas = useTestSchemas(connectionString);
    const instances: TestGateway[] = [];
    afterEach(async () => {
      await Promise.all(instances.splice(0).map((instance) => instance.close()));
    });

    it('is charged exactly what the ledger says, at most $0.10, nearly all of it, then 402 on every instance', async () => {
      const { connectionString: databaseUrl } = await schemas.createSchema();
      // One after another: the first migrates the schema and creates alice, the others find both.
      for (let index = 0; index < 3; index += 1) {
        instances.push(await startBillingGateway(RATE, { config: { databaseUrl } }));
      }
      const [first, second, third] = instances as [TestGateway, TestGateway, TestGateway];
      expect(new Set(instances.map((instance) => instance.url)).size).toBe(3);
      await raceFreeAccount([first, second, third]);
    }, 180_000);
  },
);
