import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_MODEL, startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';

/** `/{provider}/{provider's own path}`, as Hugging Face's router serves it and its JS client calls it. */
describe('native routes', () => {
  let test: TestGateway;
  beforeAll(async () => {
    test = await startTestGateway();
  });
  afterAll(async () => {
    await test.close();
  });

  const messages = [{ role: 'user', content: 'Hello from a native client' }];
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    test.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it("passes Groq's own chat path through with the provider model id, swapping in the provider key", async () => {
    test.simulator.resetCalls();
    const response = await post(
      '/groq/openai/v1/chat/completions',
      { model: CHAT_MODEL, messages },
      { 'api-key': test.token, 'x-goog-api-key': test.token, cookie: `session=${test.token}` },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-inference-provider')).toBe('groq');
    expect(response.headers.get('x-request-id')).toBeTruthy();
    const body = (await response.json()) as { object: string; usage: { completion_tokens: number } };
    expect(body.object).toBe('chat.completion');
    const call = test.simulator.calls.at(-1)!;
    expect(call.path).toBe('/openai/v1/chat/completions');
    expect(call.headers.authorization).toBe(`Bearer ${test.simulator.apiKeyFor('groq')}`);
    expect(JSON.stringify(call.headers)).not.toContain(test.token);
  });

  it('streams, metering with usage the client did not ask for and does not receive', async () => {
    test.simulator.resetCalls();
    const response = await post('/groq/openai/v1/chat/completions', {
      model: CHAT_MODEL,
      messages,
      stream: true,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await response.text();
    const events = text.split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    const chunks = events.slice(0, -1).map((event) => JSON.parse(event.slice('data: '.length)));
    expect(chunks.every((chunk) => chunk.choices.length > 0)).toBe(true);
    expect(test.simulator.calls.at(-1)?.body).toMatchObject({ stream_options: { include_usage: true } });
  });

  it('answers 400 "Model not supported by provider" for a model the provider does not map', async () => {
    const response = await post('/groq/openai/v1/chat/completions', { model: 'nobody/unmapped', messages });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { message: string; code: string } };
    expect(error.message).toContain('Model not supported by provider groq');
  });

  it('answers 401 without a token, before the provider is called', async () => {
    test.simulator.resetCalls();
    const response = await post(
      '/groq/openai/v1/chat/completions',
      { model: CHAT_MODEL, messages },
      { authorization: '' },
    );
    expect(response.status).toBe(401);
    expect(test.simulator.calls).toHaveLength(0);
  });

  it('answers 404 for a path the provider has no route for, and leaves unknown providers to the 404 handler', async () => {
    const unknownPath = await post('/groq/openai/v1/unknown', { model: CHAT_MODEL });
    expect(unknownPath.status).toBe(404);
    expect(((await unknownPath.json()) as { error: { code: string } }).error.code).toBe('unknown_url');
    const unknownProvider = await post('/no-such-provider/v1/chat/completions', { model: CHAT_MODEL });
    expect(unknownProvider.status).toBe(404);
  });

  it('counts native requests under one route label in /metrics', async () => {
    const metrics = await (await test.request('/metrics')).text();
    expect(metrics).toMatch(
      /tollgate_http_requests_total\{method="POST",route="\/\{provider\}\/\*",status="200"\} \d+/,
    );
  });
});
