/**
 * Charged streams through HTTP: a stream that runs past what its hold pays for is ended cleanly; a stream whose
 * client left is read on for the provider's usage (or metered by what was emitted when that takes too long).
 */
import { usdNumber } from '@tollgate/core';
import groqPlugin from '@tollgate/provider-groq';
import type { SyncTaskHandlerV1 } from '@tollgate/provider-spec';
import { afterEach, describe, expect, it } from 'vitest';
import { readSseData, type TestGateway } from '../test-gateway.test-helpers.js';
import {
  chargesOf,
  expectLedgerVerifies,
  MODEL,
  settled,
  startBillingGateway,
} from './billing.test-helpers.js';

const chat = groqPlugin.tasks.conversational as SyncTaskHandlerV1;
const inputBound = (body: unknown) => BigInt(chat.boundUsage!({ input: body })!.usage.inputTokens!);

/** The simulator writes a tool call's arguments whatever `max_tokens` says: a provider that ignores the cap. */
const longTool = {
  type: 'function',
  function: {
    name: 'fill_form',
    parameters: {
      type: 'object',
      properties: Object.fromEntries(
        Array.from({ length: 30 }, (_, index) => [`field_${index}`, { type: 'string' }]),
      ),
      required: Array.from({ length: 30 }, (_, index) => `field_${index}`),
    },
  },
};

let test: TestGateway | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

describe('charged streams', () => {
  it('ends a stream that outruns its hold with finish_reason length, its usage and [DONE], and aborts the upstream', async () => {
    test = await startBillingGateway();
    const body = {
      model: MODEL,
      messages: [{ role: 'user', content: 'Fill the form.' }],
      tools: [longTool],
      max_tokens: 5,
      stream: true,
      stream_options: { include_usage: true },
    };
    const response = await test.chat(body);
    expect(response.status).toBe(200);
    const events = await readSseData(response);
    expect(events.at(-1)).toBe('[DONE]');
    const usageChunk = JSON.parse(events.at(-2)!) as {
      choices: unknown[];
      usage: { prompt_tokens: number; completion_tokens: number; cost: number };
    };
    const finishChunk = JSON.parse(events.at(-3)!) as { id: string; choices: { finish_reason: string }[] };
    const firstChunk = JSON.parse(events[0]!) as { id: string };
    expect(finishChunk.choices[0]!.finish_reason).toBe('length');
    expect(finishChunk.id).toBe(firstChunk.id);
    expect(usageChunk.choices).toEqual([]);
    expect(usageChunk.usage.completion_tokens).toBe(5);
    expect(BigInt(usageChunk.usage.prompt_tokens)).toBe(inputBound(body));
    // Role chunk, five tokens and the cut: no more reached the client.
    expect(events.length - 3).toBeLessThanOrEqual(5 + 3);

    await settled(test);
    const charge = (await chargesOf(test)).get(response.headers.get('x-request-id')!)!;
    expect(charge).toBe(inputBound(body) * 1_000n + 5n * 1_000_000n);
    expect(usageChunk.usage.cost).toBe(usdNumber(charge));
    const call = test.simulator.calls.at(-1)!;
    expect(call.outcome).not.toBe('completed');
    await expectLedgerVerifies(test);
  });

  it('reads on after the client left, and charges the provider’s own usage', async () => {
    test = await startBillingGateway();
    test.simulator.setLatency('groq', { tokensPerSecond: 40 });
    const body = { model: MODEL, messages: [{ role: 'user', content: 'Take your time.' }], max_tokens: 24 };
    // The simulator answers a JSON request with the same text and usage as the stream.
    const json = (await (await test.chat(body)).json()) as {
      usage: { prompt_tokens: number; completion_tokens: number };
    };
    const full =
      BigInt(json.usage.prompt_tokens) * 1_000n + BigInt(json.usage.completion_tokens) * 1_000_000n;

    const controller = new AbortController();
    const response = await test.chat({ ...body, stream: true }, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    const requestId = response.headers.get('x-request-id')!;
    const balance = await settled(test);
    expect(balance.heldNanoUsd).toBe(0n);
    expect((await chargesOf(test)).get(requestId)).toBe(full);
    await expectLedgerVerifies(test);
  });

  it('meters what was emitted when the provider’s usage does not come within the grace period', async () => {
    test = await startBillingGateway(undefined, { config: { billing: { disconnectGraceMs: 0 } } });
    test.simulator.setLatency('groq', { tokensPerSecond: 5 });
    const body = {
      model: MODEL,
      messages: [{ role: 'user', content: 'Slowly.' }],
      max_tokens: 30,
      stream: true,
    };
    const controller = new AbortController();
    const response = await test.chat(body, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    const requestId = response.headers.get('x-request-id')!;
    await settled(test);
    const charge = (await chargesOf(test)).get(requestId)!;
    // The input's worst case, and a few emitted chunks at most: far below the 30 tokens held.
    expect(charge).toBeGreaterThanOrEqual(inputBound(body) * 1_000n);
    expect(charge).toBeLessThan(inputBound(body) * 1_000n + 10n * 1_000_000n);
    await expectLedgerVerifies(test);
  });
});
