/**
 * Providers not integrated with billing (`billing: 'estimated'`, decision 0022) through the gateway: charged their
 * rate card times the estimated cost factor, paid only from included credits (402 once those are spent, whatever
 * prepaid credits or pay-as-you-go the account has), failed over to an integrated provider under an automatic
 * policy, never charged for a custom-key request.
 */
import { randomBytes } from 'node:crypto';
import { billingPeriodOf, usdNumber } from '@tollgate/core';
import groqPlugin from '@tollgate/provider-groq';
import nscalePlugin from '@tollgate/provider-nscale';
import type { RateCardV1 } from '@tollgate/provider-spec';
import { afterEach, describe, expect, it } from 'vitest';
import { CHAT_MODEL, readSseData, startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';
import {
  aliceId,
  balanceOf,
  chargesOf,
  expectLedgerVerifies,
  FREE_CREDITS_NANO_USD,
  STEEP_RATE,
  settled,
} from './billing.test-helpers.js';

/** Half Groq's steep rate: 500 nano-USD per input token, 500,000 per output token; x 4/3 still below Groq. */
const NSCALE_RATE: RateCardV1 = { inputPerMillionTokens: '0.5', outputPerMillionTokens: '500' };
const ESTIMATED = `${CHAT_MODEL}:nscale`;
const INTEGRATED = `${CHAT_MODEL}:groq`;

interface ChatAnswer {
  readonly usage: {
    readonly prompt_tokens: number;
    readonly completion_tokens: number;
    readonly cost: number;
  };
}

interface ErrorBody {
  readonly error: { readonly message: string; readonly code: string | null; readonly type: string };
}

let test: TestGateway | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

async function start(
  env: NodeJS.ProcessEnv = {},
  apiKeys?: Record<string, string>,
  nscaleRate: RateCardV1 = NSCALE_RATE,
  charging = true,
): Promise<TestGateway> {
  test = await startTestGateway({
    plugins: [groqPlugin, nscalePlugin],
    config: {
      providers: {
        groq: { rates: { [CHAT_MODEL]: STEEP_RATE } },
        nscale: { rates: { [CHAT_MODEL]: nscaleRate } },
      },
      billing: { estimatedCostFactor: '4/3', enabled: charging },
    },
    env,
    ...(apiKeys ? { simulator: { apiKeys } } : {}),
  });
  return test;
}

const ask = (model: string, content = 'How much?') => ({
  model,
  messages: [{ role: 'user', content }],
  max_tokens: 8,
});

/** ceil(x * 4 / 3) */
const timesFactor = (nanoUsd: bigint): bigint => (nanoUsd * 4n + 2n) / 3n;

/** Spends the Free account's included credits on the estimated provider, until it answers 402. */
async function spendIncludedCredits(gateway: TestGateway): Promise<Response> {
  for (let request = 0; request < 200; request += 1) {
    const response = await gateway.chat(ask(ESTIMATED));
    if (response.status !== 200) return response;
    await response.json();
  }
  throw new Error('The included credits were never spent.');
}

async function grantPrepaid(gateway: TestGateway, nanoUsd: bigint): Promise<void> {
  await gateway.gateway.kernel.store.ledger.grant({
    accountId: await aliceId(gateway),
    period: billingPeriodOf(new Date()),
    grantId: `prepaid-${nanoUsd}`,
    amountNanoUsd: nanoUsd,
  });
}

describe('a provider not integrated with billing', () => {
  it('is charged ceil(rate x usage x factor), reported in usage.cost and marked estimated in the usage API', async () => {
    const gateway = await start();

    const response = await gateway.chat(ask(ESTIMATED));
    const requestId = response.headers.get('x-request-id')!;
    const { usage } = (await response.json()) as ChatAnswer;

    const atRate = BigInt(usage.prompt_tokens) * 500n + BigInt(usage.completion_tokens) * 500_000n;
    const charge = (await chargesOf(gateway)).get(requestId)!;
    expect(response.headers.get('x-inference-provider')).toBe('nscale');
    expect(charge).toBe(timesFactor(atRate));
    expect(charge).toBeGreaterThan(atRate);
    expect(usage.cost).toBe(usdNumber(charge));
    expect(await gateway.gateway.kernel.store.requests.find(requestId)).toMatchObject({
      billingMode: 'estimated',
      costNanoUsd: charge,
      chargedNanoUsd: charge,
    });
    const csv = await (await gateway.request('/api/usage?format=csv')).text();
    const [header, line] = csv.trim().split('\r\n') as [string, string];
    const column = header.split(',').indexOf('billing_mode');
    expect(line.split(',')[column]).toBe('estimated');
    await expectLedgerVerifies(gateway);
  });

  it('is charged the same way on a stream, whose usage chunk says the charge', async () => {
    const gateway = await start();

    const response = await gateway.chat({
      ...ask(ESTIMATED),
      stream: true,
      stream_options: { include_usage: true },
    });
    const events = await readSseData(response);
    await settled(gateway);

    const { usage } = JSON.parse(events.at(-2)!) as ChatAnswer;
    const atRate = BigInt(usage.prompt_tokens) * 500n + BigInt(usage.completion_tokens) * 500_000n;
    const charge = (await chargesOf(gateway)).get(response.headers.get('x-request-id')!)!;
    expect(charge).toBe(timesFactor(atRate));
    expect(usage.cost).toBe(usdNumber(charge));
    await expectLedgerVerifies(gateway);
  });

  it("is charged the same way and refused the same way on the provider's native route", async () => {
    const gateway = await start();
    const native = () =>
      gateway.request('/nscale/v1/chat/completions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ask(CHAT_MODEL)),
      });

    const response = await native();
    expect(response.status).toBe(200);
    const { usage } = (await response.json()) as ChatAnswer;
    const atRate = BigInt(usage.prompt_tokens) * 500n + BigInt(usage.completion_tokens) * 500_000n;
    expect((await chargesOf(gateway)).get(response.headers.get('x-request-id')!)).toBe(timesFactor(atRate));
    expect(
      await gateway.gateway.kernel.store.requests.find(response.headers.get('x-request-id')!),
    ).toMatchObject({ billingMode: 'estimated' });

    await spendIncludedCredits(gateway);
    await grantPrepaid(gateway, 1_000_000_000n);
    const refused = await native();
    expect(refused.status).toBe(402);
    expect(((await refused.json()) as ErrorBody).error.message).toContain("Provider 'nscale'");
    await expectLedgerVerifies(gateway);
  });

  it('leaves an integrated provider at rate x usage, with no factor', async () => {
    const gateway = await start();

    const response = await gateway.chat(ask(INTEGRATED));
    const { usage } = (await response.json()) as ChatAnswer;

    const charge = (await chargesOf(gateway)).get(response.headers.get('x-request-id')!)!;
    expect(charge).toBe(BigInt(usage.prompt_tokens) * 1_000n + BigInt(usage.completion_tokens) * 1_000_000n);
    expect(usage.cost).toBe(usdNumber(charge));
    expect(
      await gateway.gateway.kernel.store.requests.find(response.headers.get('x-request-id')!),
    ).toMatchObject({ billingMode: 'routed' });
  });

  it('answers 402 once included credits are spent, though prepaid credits could pay', async () => {
    const gateway = await start();
    const first = await spendIncludedCredits(gateway);
    expect(first.status).toBe(402);
    await grantPrepaid(gateway, 1_000_000_000n);

    const refused = await gateway.chat(ask(ESTIMATED));
    const integrated = await gateway.chat(ask(INTEGRATED));

    expect(refused.status).toBe(402);
    const body = (await refused.json()) as ErrorBody;
    expect(body.error).toMatchObject({ type: 'insufficient_quota', code: 'insufficient_credit' });
    expect(body.error.message).toContain("Provider 'nscale' is not integrated with billing");
    expect(body.error.message).toContain('only your monthly included credits can pay for it');
    expect(integrated.status).toBe(200);
    await integrated.json();
    const balance = await balanceOf(gateway);
    expect(balance.includedUsedNanoUsd).toBeLessThanOrEqual(FREE_CREDITS_NANO_USD);
    expect(balance.prepaidUsedNanoUsd).toBeGreaterThan(0n);
    const entries = await gateway.gateway.kernel.store.ledger.listEntries();
    const estimated = new Set(
      entries
        .filter((entry) => entry.kind === 'hold' && entry.includedOnly === true)
        .map((entry) => entry.requestId),
    );
    for (const entry of entries.filter(
      (entry) => entry.kind === 'settle' && estimated.has(entry.requestId),
    )) {
      expect(entry.prepaidNanoUsd + entry.payAsYouGoNanoUsd).toBe(0n);
    }
    await expectLedgerVerifies(gateway);
  });

  it('answers 402 to a PRO account once its $2.00 of included credits are spent, pay-as-you-go notwithstanding', async () => {
    // $0.375 a request, x 4/3 = $0.50: four requests spend the $2.00 of included credits.
    const gateway = await start({}, undefined, { perRequest: '0.375' });
    await gateway.gateway.kernel.store.billingAccounts.setUserTier(await aliceId(gateway), 'pro');

    const statuses: number[] = [];
    for (let request = 0; request < 5; request += 1) {
      const response = await gateway.chat(ask(ESTIMATED));
      statuses.push(response.status);
      await response.text();
    }
    const integrated = await gateway.chat(ask(INTEGRATED));

    expect(statuses).toEqual([200, 200, 200, 200, 402]);
    expect(integrated.status).toBe(200);
    await integrated.json();
    const balance = await balanceOf(gateway);
    expect(balance.includedUsedNanoUsd).toBe(2_000_000_000n);
    expect(balance.payAsYouGoUsedNanoUsd).toBeGreaterThan(0n);
    await expectLedgerVerifies(gateway);
  });

  it('is failed over to an integrated provider under :cheapest once it cannot be paid for', async () => {
    const gateway = await start();
    const cheapest = await gateway.chat(ask(`${CHAT_MODEL}:cheapest`));
    expect(cheapest.headers.get('x-inference-provider')).toBe('nscale');
    await cheapest.json();
    await spendIncludedCredits(gateway);
    await grantPrepaid(gateway, 1_000_000_000n);

    const failedOver = await gateway.chat(ask(`${CHAT_MODEL}:cheapest`));

    expect(failedOver.status).toBe(200);
    expect(failedOver.headers.get('x-inference-provider')).toBe('groq');
    await failedOver.json();
    await expectLedgerVerifies(gateway);
  });

  it('is ranked by its factored price under :cheapest', async () => {
    // $900 per 1M output tokens is below Groq's $1000, but x 4/3 it is $1200.
    const gateway = await start({}, undefined, {
      inputPerMillionTokens: '0.5',
      outputPerMillionTokens: '900',
    });

    const response = await gateway.chat(ask(`${CHAT_MODEL}:cheapest`));

    expect(response.status).toBe(200);
    expect(response.headers.get('x-inference-provider')).toBe('groq');
    await response.json();
  });

  it('is listed in /v1/models at the prices it is charged, and at its rate card when billing is off', async () => {
    const pricesOf = async (gateway: TestGateway) => {
      const response = await gateway.request(`/v1/models/${CHAT_MODEL}`);
      expect(response.status).toBe(200);
      const { providers } = (await response.json()) as {
        providers: { provider: string; pricing?: { input?: number; output?: number } }[];
      };
      return new Map(providers.map(({ provider, pricing }) => [provider, pricing]));
    };

    const charged = await pricesOf(await start());
    // ceil(0.5 x 4/3) and ceil(500 x 4/3) USD per million tokens, rounded up at the nano-dollar.
    expect(charged.get('nscale')).toEqual({ input: 0.666666667, output: 666.666666667 });
    expect(charged.get('groq')).toEqual({ input: 1, output: 1000 });
    await test?.close();

    const uncharged = await pricesOf(await start({}, undefined, NSCALE_RATE, false));
    expect(uncharged.get('nscale')).toEqual({ input: 0.5, output: 500 });
    expect(uncharged.get('groq')).toEqual({ input: 1, output: 1000 });
  });

  it('charges nothing for a request with the caller’s own key, costed at the plain rate card', async () => {
    const ownKey = 'nscale_alice_own_key_0022';
    const gateway = await start(
      { TOLLGATE_MASTER_KEY: randomBytes(32).toString('base64'), NSCALE_API_KEY: undefined },
      { nscale: ownKey },
    );
    const saved = await gateway.request('/api/settings/inference-providers/keys/nscale', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: ownKey }),
    });
    expect(saved.status).toBe(200);

    const response = await gateway.chat(ask(ESTIMATED));
    const { usage } = (await response.json()) as ChatAnswer;

    expect(response.status).toBe(200);
    const record = await gateway.gateway.kernel.store.requests.find(response.headers.get('x-request-id')!);
    expect(record).toMatchObject({
      billingMode: 'custom-key',
      chargedNanoUsd: 0n,
      costNanoUsd: BigInt(usage.prompt_tokens) * 500n + BigInt(usage.completion_tokens) * 500_000n,
    });
    expect((await balanceOf(gateway)).includedUsedNanoUsd).toBe(0n);
  });
});
