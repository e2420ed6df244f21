import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_MODEL, startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';

describe('operations routes', () => {
  let test: TestGateway;
  beforeAll(async () => {
    test = await startTestGateway();
  });
  afterAll(async () => {
    await test.close();
  });

  it('answers /health', async () => {
    const response = await fetch(`${test.url}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBeTruthy();
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /ready when the store answers and plugins are loaded', async () => {
    const response = await fetch(`${test.url}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      store: test.gateway.kernel.store.description,
      checks: { store: true, plugins: 4 },
    });
    expect(test.gateway.kernel.store.description).toMatch(/^sqlite:.*tollgate\.db$/);
  });

  it('exposes upstream, HTTP and process series on /metrics after a call', async () => {
    const chat = await test.chat({
      model: `${CHAT_MODEL}:groq`,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(chat.status).toBe(200);
    await chat.json();
    const response = await fetch(`${test.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    const labels = 'provider="groq",model="openai/gpt-oss-120b"';
    expect(text).toContain(
      `tollgate_upstream_requests_total{${labels},task="conversational",streaming="false",outcome="ok"} 1`,
    );
    expect(text).toMatch(
      new RegExp(`tollgate_upstream_tokens_total\\{${labels},direction="output"\\} [1-9]`),
    );
    expect(text).toContain(`tollgate_upstream_request_duration_seconds_count{${labels},streaming="false"} 1`);
    expect(text).toContain(
      'tollgate_http_requests_total{method="POST",route="/v1/chat/completions",status="200"} 1',
    );
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('records time to first chunk and upstream errors', async () => {
    const stream = await test.chat({
      model: `${CHAT_MODEL}:groq`,
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
    await stream.text();
    test.simulator.injectFault('groq', { kind: 'status', status: 500, times: 1 });
    const failed = await test.chat({
      model: `${CHAT_MODEL}:groq`,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(failed.status).toBe(502);
    const text = await (await fetch(`${test.url}/metrics`)).text();
    expect(text).toContain(
      'tollgate_upstream_time_to_first_chunk_seconds_count{provider="groq",model="openai/gpt-oss-120b"} 1',
    );
    expect(text).toContain(
      'tollgate_upstream_errors_total{provider="groq",model="openai/gpt-oss-120b",kind="http"} 1',
    );
    expect(text).toContain(
      'tollgate_http_requests_total{method="POST",route="/v1/chat/completions",status="502"} 1',
    );
  });

  it('keeps the metrics of two gateways in one process apart', async () => {
    const other = await startTestGateway();
    try {
      const text = await (await fetch(`${other.url}/metrics`)).text();
      expect(text).not.toContain('tollgate_upstream_requests_total{');
      expect(text).toContain('# TYPE tollgate_upstream_requests_total counter');
    } finally {
      await other.close();
    }
  });

  it('serves the OpenAPI document generated from the route schemas', async () => {
    const response = await fetch(`${test.url}/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { name: string }[] }>>;
    };
    expect(document.openapi).toMatch(/^3\./);
    expect(document.paths['/v1/chat/completions']?.post?.requestBody).toBeDefined();
    expect(document.paths['/v1/models']?.get).toBeDefined();
    expect(document.paths['/v1/models/{model}']?.get?.parameters?.map((parameter) => parameter.name)).toEqual(
      ['model'],
    );
    expect(Object.keys(document.paths)).not.toContain('/openapi.json');
  });
});
