import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProviderSimulator } from './create-provider-simulator.js';
import { postChat, readChunks } from './simulator.test-helpers.js';
import type { ProviderSimulator } from './simulator-types.js';

const PROVIDER = 'openai-compatible';

describe('simulator billing API', () => {
  let simulator: ProviderSimulator;
  beforeAll(async () => {
    simulator = await createProviderSimulator({
      billingApi: {
        [PROVIDER]: { inputNanoUsdPerToken: 1_000n, outputNanoUsdPerToken: 3_000n },
      },
    });
  });
  afterAll(() => simulator.close());
  beforeEach(() => simulator.billingApi(PROVIDER).setCostDelayMs(0));

  const ask = (requestIds: unknown, apiKey = simulator.apiKeyFor(PROVIDER)) =>
    fetch(`${simulator.baseUrlFor(PROVIDER)}/billing/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ requestIds }),
    });

  it('names every response with Inference-Id and prices JSON and streamed answers from their tokens', async () => {
    const json = await postChat(simulator, PROVIDER, { max_tokens: 5 });
    const jsonId = json.headers.get('inference-id')!;
    const { usage } = (await json.json()) as { usage: { prompt_tokens: number; completion_tokens: number } };
    const stream = await postChat(simulator, PROVIDER, {
      max_tokens: 5,
      stream: true,
      stream_options: { include_usage: true },
    });
    const streamId = stream.headers.get('inference-id')!;
    const chunks = await readChunks(stream);
    const streamed = chunks.at(-1)!.usage as { prompt_tokens: number; completion_tokens: number };
    const error = await postChat(simulator, PROVIDER, { model: 'no-such-model' });

    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expect(new Set([jsonId, streamId, error.headers.get('inference-id')]).size).toBe(3);
    const answer = await ask([jsonId, streamId, 'unknown-id']);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      requests: [
        { requestId: jsonId, costNanoUsd: usage.prompt_tokens * 1_000 + usage.completion_tokens * 3_000 },
        {
          requestId: streamId,
          costNanoUsd: streamed.prompt_tokens * 1_000 + streamed.completion_tokens * 3_000,
        },
      ],
    });
    expect(simulator.billingApi(PROVIDER).costOf(jsonId)).toBe(
      BigInt(usage.prompt_tokens * 1_000 + usage.completion_tokens * 3_000),
    );
  });

  it('leaves out costs not known yet and ids it never prices, and reports a cost as told', async () => {
    const billing = simulator.billingApi(PROVIDER);
    const ids = await Promise.all(
      [1, 2, 3].map(async () => (await postChat(simulator, PROVIDER, {})).headers.get('inference-id')!),
    );
    const [never, odd, plain] = ids as [string, string, string];
    billing.neverPrice(never);
    billing.reportCostAs(odd, 12.5);
    expect(((await (await ask(ids)).json()) as { requests: unknown[] }).requests).toEqual([
      { requestId: odd, costNanoUsd: 12.5 },
      { requestId: plain, costNanoUsd: Number(billing.costOf(plain)) },
    ]);
    billing.setCostDelayMs(60_000);
    const late = (await postChat(simulator, PROVIDER, {})).headers.get('inference-id')!;
    expect(await (await ask([late])).json()).toEqual({ requests: [] });
  });

  it('answers null, fails on demand, checks the key and the batch size, and keeps inference faults', async () => {
    const billing = simulator.billingApi(PROVIDER);
    const id = (await postChat(simulator, PROVIDER, {})).headers.get('inference-id')!;
    billing.answerNull(1);
    billing.fail(503, 1);
    simulator.injectFault(PROVIDER, { kind: 'status', status: 500, times: 1 });

    const failed = await ask([id]);
    const empty = await ask([id]);
    const priced = await ask([id]);

    expect(failed.status).toBe(503);
    expect(await empty.json()).toEqual({ requests: null });
    expect(((await priced.json()) as { requests: unknown[] }).requests).toHaveLength(1);
    expect((await ask([id], 'wrong-key')).status).toBe(401);
    expect((await ask(Array.from({ length: 10_001 }, (_, index) => `id-${index}`))).status).toBe(400);
    expect((await ask('not-a-list')).status).toBe(400);
    expect((await postChat(simulator, PROVIDER, {})).status).toBe(500);
    expect(billing.calls.at(-1)).toEqual([id]);
  });
});
