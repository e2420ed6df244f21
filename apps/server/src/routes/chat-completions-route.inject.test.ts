import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_MODEL, startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';

/**
 * A listening gateway answers chat completions from its lean inference path; the Fastify route serves what
 * reaches the framework directly (`inject`), and must answer the same way.
 */
describe('POST /v1/chat/completions through the framework (inject)', () => {
  let test: TestGateway;
  beforeAll(async () => {
    test = await startTestGateway();
  });
  afterAll(async () => {
    await test.close();
  });

  it('answers a completion with the routing headers', async () => {
    const response = await test.gateway.app.inject({
      method: 'POST',
      url: '/v1/chat/completions',
      headers: { authorization: `Bearer ${test.token}`, 'content-type': 'application/json' },
      payload: { model: `${CHAT_MODEL}:groq`, messages: [{ role: 'user', content: 'Hi' }] },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-inference-provider']).toBe('groq');
    expect(response.headers['x-request-id']).toBeTruthy();
    expect(response.json()).toMatchObject({ object: 'chat.completion', choices: [expect.any(Object)] });
  });

  it('answers a routing error with the OpenAI-style body', async () => {
    const response = await test.gateway.app.inject({
      method: 'POST',
      url: '/v1/chat/completions',
      headers: { authorization: `Bearer ${test.token}`, 'content-type': 'application/json' },
      payload: { model: `${CHAT_MODEL}:no-such-provider`, messages: [{ role: 'user', content: 'Hi' }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'model_not_supported', param: 'model' });
  });

  it('lists the route in the OpenAPI document', async () => {
    const response = await test.gateway.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(Object.keys(response.json().paths)).toContain('/v1/chat/completions');
  });
});
