import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_MODEL, startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';

const messages = [{ role: 'user', content: 'Hi' }];
const BODY_LIMIT = 64 * 1024;

interface ErrorBody {
  error: { message: string; type: string; code: string | null; param: string | null };
}

async function errorOf(response: Response): Promise<ErrorBody> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('x-request-id')).toBeTruthy();
  const body = (await response.json()) as ErrorBody;
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
  return body;
}

describe('POST /v1/chat/completions errors', () => {
  let test: TestGateway;
  beforeAll(async () => {
    test = await startTestGateway({ config: { bodyLimitBytes: BODY_LIMIT } });
  });
  afterEach(() => test.simulator.clearFaults());
  afterAll(async () => {
    await test.close();
  });

  it('answers 401 without a token', async () => {
    const response = await test.chat({ model: CHAT_MODEL, messages }, { headers: { authorization: '' } });
    expect(response.status).toBe(401);
    expect((await errorOf(response)).error).toMatchObject({
      type: 'authentication_error',
      code: 'missing_api_key',
    });
  });

  it('answers 401 for an unknown token', async () => {
    const response = await test.chat(
      { model: CHAT_MODEL, messages },
      { headers: { authorization: 'Bearer hf_NotATokenThisGatewayEverIssuedXyzAbc' } },
    );
    expect(response.status).toBe(401);
    expect((await errorOf(response)).error).toMatchObject({
      type: 'authentication_error',
      code: 'invalid_api_key',
    });
  });

  it('checks the token before reading the body', async () => {
    const response = await test.chat(
      { model: CHAT_MODEL, messages, padding: 'x'.repeat(BODY_LIMIT) },
      { headers: { authorization: '' } },
    );
    expect(response.status).toBe(401);
  });

  it.each([
    ['no messages', { model: CHAT_MODEL }, 'messages'],
    ['empty messages', { model: CHAT_MODEL, messages: [] }, 'messages'],
    ['a numeric model', { model: 42, messages }, 'model'],
    ['a message without a role', { model: CHAT_MODEL, messages: [{ content: 'Hi' }] }, 'messages.0.role'],
  ])('answers 400 for %s', async (_case, body, param) => {
    const response = await test.chat(body);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).error).toMatchObject({ type: 'invalid_request_error', param });
  });

  it('answers 400 for malformed JSON', async () => {
    const response = await test.request('/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"model": "x", "messages": [',
    });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).error).toMatchObject({
      type: 'invalid_request_error',
      code: 'invalid_json',
    });
  });

  it('answers 415 for a body that is not sent as JSON', async () => {
    const response = await test.request('/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ model: CHAT_MODEL, messages }),
    });
    expect(response.status).toBe(415);
    expect((await errorOf(response)).error).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('answers 413 for a chunked body that grows over the limit, and closes the connection', async () => {
    const chunks = new ReadableStream({
      start(controller) {
        const piece = new TextEncoder().encode(
          `{"model":"${CHAT_MODEL}","padding":"${'x'.repeat(BODY_LIMIT)}"}`,
        );
        // The stream stays open: a body that had ended could be read to its end and keep the connection.
        controller.enqueue(piece);
      },
    });
    const response = await test.request('/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect((await errorOf(response)).error).toMatchObject({ code: 'request_too_large' });
  });

  it('answers 400 for an unknown provider suffix', async () => {
    const response = await test.chat({ model: `${CHAT_MODEL}:no-such-provider`, messages });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).error).toMatchObject({
      type: 'invalid_request_error',
      code: 'model_not_supported',
      param: 'model',
      message: expect.stringContaining('no-such-provider'),
    });
  });

  it('answers 413 for a body over the limit', async () => {
    const response = await test.chat({ model: CHAT_MODEL, messages, padding: 'x'.repeat(BODY_LIMIT) });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).error).toMatchObject({
      type: 'invalid_request_error',
      code: 'request_too_large',
    });
  });

  it("passes a provider's 429 through as 429, with its Retry-After", async () => {
    test.simulator.injectFault('groq', {
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '7' },
      times: 1,
    });
    const response = await test.chat({ model: `${CHAT_MODEL}:groq`, messages });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('x-inference-provider')).toBe('groq');
    expect((await errorOf(response)).error.message).toMatch(/rate limit/i);
  });

  it("turns a provider's 500 into 502", async () => {
    test.simulator.injectFault('groq', { kind: 'status', status: 500, times: 1 });
    const response = await test.chat({ model: `${CHAT_MODEL}:groq`, messages });
    expect(response.status).toBe(502);
    expect((await errorOf(response)).error).toMatchObject({ type: 'upstream_error', code: 'upstream_500' });
  });

  it("turns a provider's 500 before a stream into 502, not an event stream", async () => {
    test.simulator.injectFault('groq', { kind: 'status', status: 500, times: 1 });
    const response = await test.chat({ model: `${CHAT_MODEL}:groq`, messages, stream: true });
    expect(response.status).toBe(502);
    expect((await errorOf(response)).error.type).toBe('upstream_error');
  });

  it('answers 404 with an OpenAI body for an unknown route', async () => {
    const response = await test.request('/v1/completions/nope', { method: 'POST' });
    expect(response.status).toBe(404);
    expect((await errorOf(response)).error).toMatchObject({
      type: 'invalid_request_error',
      code: 'unknown_url',
      message: 'Unknown request URL: POST /v1/completions/nope.',
    });
  });
});
