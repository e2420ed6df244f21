/**
 * Routed requests charge through HTTP: the worst case is held before forwarding, `max_tokens` is lowered to what the
 * balance pays for, the charge is exactly rate x usage, and an account that cannot pay gets a 402.
 */
import { usdNumber } from '@tollgate/core';
import groqPlugin from '@tollgate/provider-groq';
import type { SyncTaskHandlerV1 } from '@tollgate/provider-spec';
import { afterEach, describe, expect, it } from 'vitest';
import { postJson } from '../routes/task-api.test-helpers.js';
import { CHAT_MODEL, TASK_PLUGINS, type TestGateway } from '../test-gateway.test-helpers.js';
import {
  aliceId,
  balanceOf,
  chargesOf,
  expectLedgerVerifies,
  FREE_CREDITS_NANO_USD,
  MODEL,
  startBillingGateway,
} from './billing.test-helpers.js';

const chat = groqPlugin.tasks.conversational as SyncTaskHandlerV1;
const inputBound = (body: unknown) => BigInt(chat.boundUsage!({ input: body })!.usage.inputTokens!);

interface ChatAnswer {
  readonly usage: { prompt_tokens: number; completion_tokens: number };
}

let test: TestGateway | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

describe('billing of routed chat requests', () => {
  it('charges a Free account exactly rate x usage, and the ledger verifies', async () => {
    test = await startBillingGateway();
    const response = await test.chat({
      model: MODEL,
      messages: [{ role: 'user', content: 'Hi' }],
      max_tokens: 10,
    });
    expect(response.status).toBe(200);
    const { usage } = (await response.json()) as ChatAnswer;
    const requestId = response.headers.get('x-request-id')!;
    const expected = BigInt(usage.prompt_tokens) * 1_000n + BigInt(usage.completion_tokens) * 1_000_000n;
    expect((await chargesOf(test)).get(requestId)).toBe(expected);
    const balance = await balanceOf(test);
    expect(balance.includedNanoUsd).toBe(FREE_CREDITS_NANO_USD);
    expect(balance.includedUsedNanoUsd).toBe(expected);
    expect(balance.heldNanoUsd).toBe(0n);
    await expectLedgerVerifies(test);
  });

  it('lowers max_tokens to what the balance pays for, and keeps a smaller limit of the client', async () => {
    test = await startBillingGateway();
    const body = {
      model: MODEL,
      messages: [{ role: 'user', content: 'Tell me everything.' }],
      max_tokens: 1000,
    };
    const response = await test.chat(body);
    expect(response.status).toBe(200);
    // $0.10 less the input's worst case, at $0.001 per output token.
    const affordable = (FREE_CREDITS_NANO_USD - inputBound(body) * 1_000n) / 1_000_000n;
    expect(test.simulator.calls.at(-1)!.body).toMatchObject({ max_tokens: Number(affordable) });
    const answer = (await response.json()) as ChatAnswer;
    expect(answer.usage.completion_tokens).toBeLessThanOrEqual(Number(affordable));

    const small = await test.chat({ ...body, max_tokens: 5 });
    expect(small.status).toBe(200);
    expect(test.simulator.calls.at(-1)!.body).toMatchObject({ max_tokens: 5 });
    await expectLedgerVerifies(test);
  });

  it('caps a request without max_tokens at the default cap or what the balance pays for', async () => {
    test = await startBillingGateway(undefined, { config: { billing: { defaultMaxOutputTokens: 40 } } });
    const body = { model: MODEL, messages: [{ role: 'user', content: 'Go on.' }] };
    expect((await test.chat(body)).status).toBe(200);
    expect(test.simulator.calls.at(-1)!.body).toMatchObject({ max_tokens: 40 });
  });

  it('answers 402 in Hugging Face’s words when not even the input can be paid', async () => {
    // $1000 per 1M input tokens: a prompt of a few hundred bytes costs more than $0.10.
    test = await startBillingGateway({ inputPerMillionTokens: '1000', outputPerMillionTokens: '1' });
    const response = await test.chat({
      model: MODEL,
      messages: [{ role: 'user', content: 'x'.repeat(200) }],
      max_tokens: 5,
    });
    expect(response.status).toBe(402);
    expect(await response.json()).toEqual({
      error: {
        message: expect.stringContaining('You have depleted your monthly included credits.'),
        type: 'insufficient_quota',
        code: 'insufficient_credit',
        param: null,
      },
    });
    expect(test.simulator.calls).toHaveLength(0);
    expect((await balanceOf(test)).heldNanoUsd).toBe(0n);
  });

  it('answers 402 once the month’s credits are spent, and a PRO account goes on pay-as-you-go', async () => {
    test = await startBillingGateway();
    const body = { model: MODEL, messages: [{ role: 'user', content: 'Spend.' }], max_tokens: 1000 };
    let status = 200;
    for (let request = 0; request < 20 && status === 200; request += 1) {
      status = (await test.chat(body)).status;
    }
    expect(status).toBe(402);
    const balance = await balanceOf(test);
    expect(balance.includedUsedNanoUsd).toBeLessThanOrEqual(FREE_CREDITS_NANO_USD);
    // What is left cannot pay for the input and the 16-token floor.
    expect(FREE_CREDITS_NANO_USD - balance.includedUsedNanoUsd).toBeLessThan(
      inputBound(body) * 1_000n + 16_000_000n,
    );

    await test.gateway.kernel.store.billingAccounts.setUserTier(await aliceId(test), 'pro');
    expect((await test.chat(body)).status).toBe(200);
    expect(test.simulator.calls.at(-1)!.body).toMatchObject({ max_tokens: 1000 });
    await expectLedgerVerifies(test);
  });

  it('charges nothing for a request the provider failed', async () => {
    test = await startBillingGateway();
    test.simulator.injectFault('groq', { kind: 'status', status: 500, times: 1 });
    const response = await test.chat({
      model: MODEL,
      messages: [{ role: 'user', content: 'Hi' }],
      max_tokens: 10,
    });
    expect(response.status).toBe(502);
    const entries = await test.gateway.kernel.store.ledger.listEntries();
    expect(entries.map((entry) => entry.kind)).toEqual(['hold', 'release']);
    expect((await balanceOf(test)).includedUsedNanoUsd).toBe(0n);
    await expectLedgerVerifies(test);
  });

  it('holds per failover attempt: the failed provider’s hold is released, the next one’s settled', async () => {
    test = await startBillingGateway();
    const body = { model: CHAT_MODEL, messages: [{ role: 'user', content: 'Fail over.' }], max_tokens: 10 };
    const probe = await test.chat(body);
    const first = probe.headers.get('x-inference-provider')!;
    await probe.body?.cancel();
    test.simulator.injectFault(first, { kind: 'status', status: 503, times: 1 });
    const response = await test.chat(body);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-inference-provider')).not.toBe(first);
    const requestId = response.headers.get('x-request-id')!;
    const entries = (await test.gateway.kernel.store.ledger.listEntries()).filter(
      (entry) => entry.requestId === requestId,
    );
    expect(entries.map((entry) => `${entry.kind} #${entry.attempt}`)).toEqual([
      'hold #1',
      'release #1',
      'hold #2',
      'settle #2',
    ]);
    const { usage } = (await response.json()) as { usage: { cost: number } };
    expect(usage.cost).toBe(usdNumber(entries.at(-1)!.amountNanoUsd));
    expect((await balanceOf(test)).heldNanoUsd).toBe(0n);
    await expectLedgerVerifies(test);
  });

  it('answers 402 on the Fastify routes too (embeddings), with the same body', async () => {
    const BGE = 'BAAI/bge-base-en-v1.5';
    test = await startBillingGateway(undefined, {
      plugins: TASK_PLUGINS,
      config: {
        providers: {
          together: {
            models: [{ hfModelId: BGE, providerModelId: BGE, task: 'feature-extraction' }],
            // $100,000 per 1M tokens: any text's worst case is more than $0.10.
            rates: { [BGE]: { inputPerMillionTokens: '100000' } },
          },
        },
      },
    });
    const response = await postJson(test, '/v1/embeddings', {
      model: `${BGE}:together`,
      input: 'Tide tables',
    });
    expect(response.status).toBe(402);
    expect(((await response.json()) as { error: { code: string; type: string } }).error).toMatchObject({
      code: 'insufficient_credit',
      type: 'insufficient_quota',
    });
    expect(test.simulator.calls).toHaveLength(0);
  });
});
