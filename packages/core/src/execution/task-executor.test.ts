import { UpstreamApiError } from '@tollgate/provider-spec';
import { createProviderSimulator, type ProviderSimulator } from '@tollgate/provider-test-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CompletedExecution, StreamItem, StreamingExecution } from './execution-types.js';
import { kernelFor, principal } from './executor.test-helpers.js';

let simulator: ProviderSimulator;

beforeAll(async () => {
  simulator = await createProviderSimulator({ providers: ['groq'] });
});
afterEach(() => simulator.clearFaults());
afterAll(() => simulator.close());

const request = (overrides: Record<string, unknown> = {}, requestId: string = crypto.randomUUID()) => ({
  task: 'conversational',
  model: 'openai/gpt-oss-120b:groq',
  input: {
    model: 'openai/gpt-oss-120b:groq',
    messages: [{ role: 'user', content: 'Price this request.' }],
    max_tokens: 30,
    ...overrides,
  },
  principal,
  requestId,
  signal: new AbortController().signal,
});

async function collect(batches: AsyncIterable<readonly StreamItem[]>): Promise<StreamItem[]> {
  const all: StreamItem[] = [];
  for await (const batch of batches) all.push(...batch);
  return all;
}

describe('TaskExecutor', () => {
  it('answers a JSON request and charges exactly rate x usage', async () => {
    const { kernel, ledger, reports } = await kernelFor(simulator);
    const result = (await kernel.executor.execute(request({}, 'req-json'))) as CompletedExecution;
    expect(result.kind).toBe('complete');
    expect(result.route).toEqual({
      providerId: 'groq',
      hfModelId: 'openai/gpt-oss-120b',
      providerModelId: 'openai/gpt-oss-120b',
    });
    const { inputTokens, outputTokens } = result.usage;
    expect(inputTokens).toBeGreaterThan(0);
    expect(outputTokens).toBeGreaterThan(0);
    // $0.15 and $0.60 per 1M tokens are 150 and 600 nano-USD per token.
    expect(result.costNanoUsd).toBe(BigInt(inputTokens!) * 150n + BigInt(outputTokens!) * 600n);
    expect(ledger.events).toEqual(['hold req-json', `settle req-json ${result.costNanoUsd}`]);
    expect(reports.at(-1)).toMatchObject({ providerId: 'groq', outcome: 'ok', streaming: false });
    const sent = simulator.calls.at(-1)!;
    expect(sent.body).toMatchObject({ model: 'openai/gpt-oss-120b' });
    expect(sent.headers.authorization).toBe(`Bearer ${simulator.apiKeyFor('groq')}`);
  });

  it('streams chunks, meters the usage the client did not ask for, and settles once', async () => {
    const { kernel, ledger, reports } = await kernelFor(simulator);
    const result = (await kernel.executor.execute(
      request({ stream: true }, 'req-stream'),
    )) as StreamingExecution;
    expect(result.kind).toBe('stream');
    const items = await collect(result.batches);
    expect(items.every((item) => item.type === 'chunk')).toBe(true);
    const chunks = items.map((item) =>
      item.type === 'chunk' && typeof item.data === 'string' ? JSON.parse(item.data) : item,
    );
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.some((chunk) => chunk.choices?.[0]?.delta?.content)).toBe(true);
    expect(chunks.some((chunk) => chunk.usage)).toBe(false);
    const completion = await result.completion;
    expect(completion.outcome).toBe('completed');
    expect(completion.usage.outputTokens).toBeGreaterThan(0);
    expect(completion.costNanoUsd).toBe(
      BigInt(completion.usage.inputTokens!) * 150n + BigInt(completion.usage.outputTokens!) * 600n,
    );
    expect(ledger.events).toEqual(['hold req-stream', `settle req-stream ${completion.costNanoUsd}`]);
    expect(reports.at(-1)).toMatchObject({
      outcome: 'ok',
      streaming: true,
      firstChunkMs: expect.any(Number),
    });
  });

  it('releases the hold and reports the error when the provider refuses', async () => {
    const { kernel, ledger, reports } = await kernelFor(simulator);
    simulator.injectFault('groq', { kind: 'status', status: 429, times: 1 });
    const error = await kernel.executor.execute(request({}, 'req-429')).catch((caught: unknown) => caught);
    expect(UpstreamApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 429, isRetryable: true, providerId: 'groq' });
    expect(ledger.events).toEqual(['hold req-429', 'release req-429']);
    expect(reports.at(-1)).toMatchObject({ outcome: 'error', upstreamStatus: 429, errorKind: 'http' });
  });

  it('ends a cut stream with an error item, never silently', async () => {
    const { kernel } = await kernelFor(simulator);
    simulator.injectFault('groq', { kind: 'truncate', afterChunks: 2, times: 1 });
    const result = (await kernel.executor.execute(request({ stream: true }))) as StreamingExecution;
    const items = await collect(result.batches);
    expect(items.at(-1)).toMatchObject({ type: 'error', error: { type: 'upstream_error' } });
    expect((await result.completion).outcome).toBe('upstream_failed');
  });

  it('closes the upstream connection when the consumer stops reading', async () => {
    const { kernel, ledger } = await kernelFor(simulator);
    simulator.setLatency('groq', { tokensPerSecond: 50 });
    try {
      const result = (await kernel.executor.execute(
        request({ stream: true, max_tokens: 200 }, 'req-abandon'),
      )) as StreamingExecution;
      for await (const batch of result.batches) {
        expect(batch.map((item) => item.type)).toContain('chunk');
        break;
      }
      const completion = await result.completion;
      expect(completion.outcome).toBe('client_aborted');
      expect(ledger.events.at(-1)).toMatch(/^settle req-abandon/);
      for (
        let attempt = 0;
        attempt < 50 && simulator.calls.at(-1)!.outcome !== 'client-closed';
        attempt += 1
      ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(simulator.calls.at(-1)!.outcome).toBe('client-closed');
    } finally {
      simulator.setLatency('groq', {});
    }
  });
});
