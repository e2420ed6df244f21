import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_MODEL, startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';

describe('POST /v1/chat/completions (JSON)', () => {
  let test: TestGateway;
  beforeAll(async () => {
    test = await startTestGateway();
  });
  afterAll(async () => {
    await test.close();
  });
  afterEach(() => test.simulator.setLatency('groq', { firstTokenMs: 0 }));

  it('answers with the provider completion and the routing headers', async () => {
    const response = await test.chat({
      model: `${CHAT_MODEL}:groq`,
      messages: [{ role: 'user', content: 'Hello there' }],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-inference-provider')).toBe('groq');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ object: 'chat.completion', choices: [{ message: { role: 'assistant' } }] });
    expect(typeof (body.choices as { message: { content: unknown } }[])[0]?.message.content).toBe('string');
    expect(body.usage).toMatchObject({
      prompt_tokens: expect.any(Number),
      completion_tokens: expect.any(Number),
    });

    const upstream = test.simulator.calls.at(-1)!;
    expect(upstream).toMatchObject({
      providerId: 'groq',
      path: '/openai/v1/chat/completions',
      outcome: 'completed',
    });
    expect((upstream.body as { model: string }).model).toBe('openai/gpt-oss-120b');
    expect(upstream.headers.authorization).toBe(`Bearer ${test.simulator.apiKeyFor('groq')}`);
  });

  it("answers with the gateway's own request id, whatever x-request-id the client sent", async () => {
    const body = { model: `${CHAT_MODEL}:groq`, messages: [{ role: 'user', content: 'Hi' }] };
    const init = { headers: { 'x-request-id': 'client-trace-0042' } };
    const ids = [await test.chat(body, init), await test.chat(body, init)].map((response) =>
      response.headers.get('x-request-id'),
    );
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('passes tool definitions through and returns the tool call', async () => {
    const tools = [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'Current weather in a city',
          parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
      },
    ];
    const response = await test.chat({
      model: `${CHAT_MODEL}:groq`,
      messages: [{ role: 'user', content: 'Weather in Paris?' }],
      tools,
      tool_choice: 'auto',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      choices: {
        finish_reason: string;
        message: { tool_calls: { function: { name: string; arguments: string } }[] };
      }[];
    };
    expect(body.choices[0]?.finish_reason).toBe('tool_calls');
    const call = body.choices[0]?.message.tool_calls[0];
    expect(call?.function.name).toBe('get_weather');
    expect(JSON.parse(call?.function.arguments ?? '')).toHaveProperty('city');
    expect(test.simulator.calls.at(-1)?.body).toMatchObject({ tools });
  });

  it('closes the upstream connection when the client gives up waiting', async () => {
    test.simulator.setLatency('groq', { firstTokenMs: 5_000 });
    const controller = new AbortController();
    const answer = test
      .chat(
        { model: `${CHAT_MODEL}:groq`, messages: [{ role: 'user', content: 'Hi' }] },
        { signal: controller.signal },
      )
      .catch((error: unknown) => error);
    await expect.poll(() => test.simulator.calls.at(-1)?.outcome).toBe('pending');
    const upstream = test.simulator.calls.at(-1)!;
    controller.abort();
    expect(await answer).toBeInstanceOf(Error);
    await expect.poll(() => upstream.outcome, { timeout: 3_000 }).toBe('client-closed');
  });
});
