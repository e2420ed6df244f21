/** Native routes (`/{provider}/...`) hold, cap and charge like routed requests: the same bound, the same rates. */
import groqPlugin from '@tollgate/provider-groq';
import { afterEach, describe, expect, it } from 'vitest';
import { CHAT_MODEL, readSseData, type TestGateway } from '../test-gateway.test-helpers.js';
import {
  balanceOf,
  chargesOf,
  expectLedgerVerifies,
  FREE_CREDITS_NANO_USD,
  settled,
  startBillingGateway,
} from './billing.test-helpers.js';

const nativeChat = groqPlugin.nativeRoutes!.find((route) => route.task === 'conversational')!;
const inputBound = (body: unknown) =>
  BigInt(
    nativeChat.boundUsage!({
      request: {
        method: 'POST',
        path: '',
        query: {},
        params: {},
        headers: {},
        body: { kind: 'json', value: body },
      },
    })!.usage.inputTokens!,
  );

let test: TestGateway | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

const post = (body: unknown) =>
  test!.request('/groq/openai/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('billing of native routes', () => {
  it('lowers max_tokens to what the balance pays for and charges exactly rate x usage', async () => {
    test = await startBillingGateway();
    const body = { model: CHAT_MODEL, messages: [{ role: 'user', content: 'Natively.' }], max_tokens: 1000 };
    const response = await post(body);
    expect(response.status).toBe(200);
    const affordable = (FREE_CREDITS_NANO_USD - inputBound(body) * 1_000n) / 1_000_000n;
    expect(test.simulator.calls.at(-1)!.body).toMatchObject({ max_tokens: Number(affordable) });
    const { usage } = (await response.json()) as {
      usage: { prompt_tokens: number; completion_tokens: number };
    };
    const charge = (await chargesOf(test)).get(response.headers.get('x-request-id')!);
    expect(charge).toBe(BigInt(usage.prompt_tokens) * 1_000n + BigInt(usage.completion_tokens) * 1_000_000n);
    expect((await balanceOf(test)).heldNanoUsd).toBe(0n);
    await expectLedgerVerifies(test);
  });

  it('ends a native stream that outruns its hold, and charges the hold’s worth', async () => {
    test = await startBillingGateway();
    const tool = {
      type: 'function',
      function: {
        name: 'fill_form',
        parameters: {
          type: 'object',
          properties: Object.fromEntries(
            Array.from({ length: 30 }, (_, index) => [`f${index}`, { type: 'string' }]),
          ),
          required: Array.from({ length: 30 }, (_, index) => `f${index}`),
        },
      },
    };
    const body = {
      model: CHAT_MODEL,
      messages: [{ role: 'user', content: 'Fill it.' }],
      tools: [tool],
      max_tokens: 4,
      stream: true,
    };
    const response = await post(body);
    const events = await readSseData(response);
    expect(events.at(-1)).toBe('[DONE]');
    expect(JSON.parse(events.at(-2)!).choices[0].finish_reason).toBe('length');
    await settled(test);
    expect((await chargesOf(test)).get(response.headers.get('x-request-id')!)).toBe(
      inputBound(body) * 1_000n + 4n * 1_000_000n,
    );
    await expectLedgerVerifies(test);
  });

  it('reads a native stream on after its client left, and charges the provider’s usage', async () => {
    test = await startBillingGateway();
    test.simulator.setLatency('groq', { tokensPerSecond: 40 });
    const body = {
      model: CHAT_MODEL,
      messages: [{ role: 'user', content: 'Slowly, natively.' }],
      max_tokens: 24,
    };
    const json = (await (await post(body)).json()) as {
      usage: { prompt_tokens: number; completion_tokens: number };
    };
    const controller = new AbortController();
    const response = await test.request('/groq/openai/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, stream: true }),
      signal: controller.signal,
    });
    await response.body!.getReader().read();
    controller.abort();
    await settled(test);
    expect((await chargesOf(test)).get(response.headers.get('x-request-id')!)).toBe(
      BigInt(json.usage.prompt_tokens) * 1_000n + BigInt(json.usage.completion_tokens) * 1_000_000n,
    );
    await expectLedgerVerifies(test);
  });

  it('answers 402 when the input cannot be paid, before calling the provider', async () => {
    test = await startBillingGateway({ inputPerMillionTokens: '1000', outputPerMillionTokens: '1' });
    const response = await post({
      model: CHAT_MODEL,
      messages: [{ role: 'user', content: 'y'.repeat(200) }],
    });
    expect(response.status).toBe(402);
    expect(test.simulator.calls).toHaveLength(0);
  });
});
