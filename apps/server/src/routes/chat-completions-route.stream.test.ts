import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_MODEL, readSseData, startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';

const messages = [{ role: 'user', content: 'Tell me a short story' }];

interface Chunk {
  object: string;
  choices: { delta: { content?: string | null } }[];
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
}

describe('POST /v1/chat/completions (stream)', () => {
  let test: TestGateway;
  beforeAll(async () => {
    // A charged stream whose client left is read on for the provider's usage for `disconnectGraceMs` (see
    // src/billing/billing.streams.test.ts); here the upstream must close as soon as the client goes.
    test = await startTestGateway({ config: { billing: { disconnectGraceMs: 0 } } });
  });
  afterEach(() => {
    test.simulator.setLatency('groq', { firstTokenMs: 0, tokensPerSecond: 0 });
    test.simulator.clearFaults();
  });
  afterAll(async () => {
    await test.close();
  });

  it('streams chat.completion.chunk events, [DONE] last, with SSE and routing headers', async () => {
    const response = await test.chat({ model: `${CHAT_MODEL}:groq`, messages, stream: true });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(response.headers.get('x-inference-provider')).toBe('groq');
    expect(response.headers.get('x-request-id')).toBeTruthy();
    const data = await readSseData(response);
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map((payload) => JSON.parse(payload) as Chunk);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text.length).toBeGreaterThan(0);
  });

  it('sends no usage chunk unless the client asked for one', async () => {
    const data = await readSseData(await test.chat({ model: `${CHAT_MODEL}:groq`, messages, stream: true }));
    const chunks = data.slice(0, -1).map((payload) => JSON.parse(payload) as Chunk);
    expect(chunks.filter((chunk) => chunk.usage != null)).toEqual([]);
    // The gateway still asked the provider for usage, to meter the stream.
    expect(test.simulator.calls.at(-1)?.body).toMatchObject({ stream_options: { include_usage: true } });
  });

  it('ends with a usage chunk when stream_options.include_usage is set', async () => {
    const data = await readSseData(
      await test.chat({
        model: `${CHAT_MODEL}:groq`,
        messages,
        stream: true,
        stream_options: { include_usage: true },
      }),
    );
    expect(data.at(-1)).toBe('[DONE]');
    const last = JSON.parse(data.at(-2)!) as Chunk;
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({
      prompt_tokens: expect.any(Number),
      completion_tokens: expect.any(Number),
    });
  });

  it('forwards chunks while the provider is still answering', async () => {
    test.simulator.setLatency('groq', { tokensPerSecond: 25 });
    const response = await test.chat({ model: `${CHAT_MODEL}:groq`, messages, stream: true });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const first = await reader.read();
    expect(first.value).toMatch(/^data: \{/);
    expect(test.simulator.calls.at(-1)?.outcome).toBe('pending');
    let rest = '';
    for (let step = await reader.read(); !step.done; step = await reader.read()) rest += step.value;
    expect(rest.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(test.simulator.calls.at(-1)?.outcome).toBe('completed');
  });

  it('ends a truncated upstream stream with an SSE error event and no [DONE]', async () => {
    test.simulator.injectFault('groq', { kind: 'truncate', afterChunks: 2, times: 1 });
    const response = await test.chat({ model: `${CHAT_MODEL}:groq`, messages, stream: true });
    expect(response.status).toBe(200);
    const data = await readSseData(response);
    expect(data).not.toContain('[DONE]');
    const last = JSON.parse(data.at(-1)!) as { error?: { message: string; type: string; code: string } };
    expect(last.error).toMatchObject({ type: 'upstream_error', message: expect.stringContaining('groq') });
  });

  it('closes the upstream connection when the client goes away mid-stream', async () => {
    test.simulator.setLatency('groq', { tokensPerSecond: 10 });
    const controller = new AbortController();
    const response = await test.chat(
      { model: `${CHAT_MODEL}:groq`, messages, stream: true },
      { signal: controller.signal },
    );
    const reader = response.body!.getReader();
    await reader.read();
    const upstream = test.simulator.calls.at(-1)!;
    expect(upstream.outcome).toBe('pending');
    controller.abort();
    await expect.poll(() => upstream.outcome, { timeout: 3_000 }).toBe('client-closed');
  });
});
