/**
 * Policies, failover and circuit breakers through the real HTTP API: simulated Groq, Together and Cerebras all
 * serve the chat model, in that catalog order; faults are injected into the simulator.
 */
import { coreTokens, type MeasuredPerformance, type PerformanceView } from '@tollgate/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_MODEL, readSseData, startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';

const messages = [{ role: 'user', content: 'Which way to the toll gate?' }];

/** Output speeds a test sets per provider; everything else unmeasured. */
function adjustablePerformance() {
  const speeds = new Map<string, number>();
  const view: PerformanceView = {
    of(providerId): MeasuredPerformance | undefined {
      const speed = speeds.get(providerId);
      if (speed === undefined) return undefined;
      return {
        firstTokenLatencyMs: 200,
        outputTokensPerSecond: speed,
        health: 'healthy',
        supportsTools: undefined,
        supportsStructuredOutput: undefined,
        sampleCount: 10,
        updatedAt: new Date().toISOString(),
      };
    },
  };
  return { speeds, view };
}

const callsTo = (test: TestGateway, providerId: string) =>
  test.simulator.calls.filter((call) => call.providerId === providerId).length;

async function putSettings(test: TestGateway, body: unknown) {
  const response = await test.request('/api/settings/inference-providers', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

describe('chat completions: policies and failover', () => {
  let test: TestGateway;
  const performance = adjustablePerformance();

  beforeAll(async () => {
    test = await startTestGateway({
      config: {
        // The operator's price for Cerebras makes it the cheapest; a high threshold keeps circuits out of the way.
        providers: {
          cerebras: {
            rates: { 'gpt-oss-120b': { inputPerMillionTokens: '0.05', outputPerMillionTokens: '0.10' } },
          },
        },
        routing: { circuitBreaker: { failureThreshold: 100 } },
      },
      configure: (container) => container.register(coreTokens.performance, { useValue: performance.view }),
    });
  });
  afterEach(async () => {
    test.simulator.clearFaults();
    test.simulator.resetCalls();
    performance.speeds.clear();
    await putSettings(test, {});
  });
  afterAll(async () => {
    await test.close();
  });

  it('moves a JSON request to the next provider when the first fails, and counts the failover', async () => {
    test.simulator.injectFault('groq', { kind: 'status', status: 500, times: 1 });
    const response = await test.chat({ model: CHAT_MODEL, messages, max_tokens: 20 });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-inference-provider')).toBe('together');
    const body = (await response.json()) as { choices: { message: { content: string } }[] };
    expect(body.choices[0]!.message.content.length).toBeGreaterThan(0);
    expect([callsTo(test, 'groq'), callsTo(test, 'together')]).toEqual([1, 1]);
    const metrics = await (await test.request('/metrics')).text();
    expect(metrics).toContain(
      `tollgate_upstream_failovers_total{provider="groq",model="${CHAT_MODEL}",kind="http"} 1`,
    );
    expect(test.logs.text()).toContain('Provider failed before answering; trying the next candidate');
  });

  it('moves a stream to the next provider when the first answers 200 and dies before any chunk', async () => {
    test.simulator.injectFault('groq', { kind: 'truncate', afterChunks: 0, times: 1 });
    const response = await test.chat({ model: `${CHAT_MODEL}:fastest`, messages, stream: true });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-inference-provider')).toBe('together');
    const data = await readSseData(response);
    expect(data.at(-1)).toBe('[DONE]');
    expect(data.some((payload) => payload.includes('"error"'))).toBe(false);
  });

  it('never fails over a pinned provider, and answers 502 rather than 503', async () => {
    test.simulator.injectFault('groq', { kind: 'status', status: 503, times: 1 });
    const response = await test.chat({ model: `${CHAT_MODEL}:groq`, messages });
    expect(response.status).toBe(502);
    expect(response.headers.get('x-inference-provider')).toBe('groq');
    expect(callsTo(test, 'together')).toBe(0);
  });

  it('never fails over once the first chunk was sent: the stream ends with an error event', async () => {
    test.simulator.injectFault('groq', { kind: 'truncate', afterChunks: 3, times: 1 });
    const response = await test.chat({ model: CHAT_MODEL, messages, stream: true });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-inference-provider')).toBe('groq');
    const data = await readSseData(response);
    expect(data).not.toContain('[DONE]');
    const last = JSON.parse(data.at(-1)!) as { error?: { type: string } };
    expect(last.error).toMatchObject({ type: 'upstream_error' });
    expect(callsTo(test, 'together')).toBe(0);
  });

  it('answers with the last failure, naming every provider, when all of them fail', async () => {
    for (const provider of ['groq', 'together', 'cerebras'])
      test.simulator.injectFault(provider, { kind: 'status', status: 500, times: 1 });
    const response = await test.chat({ model: CHAT_MODEL, messages });
    expect(response.status).toBe(502);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(
      /Tried 3 providers: groq \(HTTP 500\), together \(HTTP 500\), cerebras \(HTTP 500\)\.$/,
    );
  });

  it(':cheapest picks the lowest output price', async () => {
    const response = await test.chat({ model: `${CHAT_MODEL}:cheapest`, messages });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-inference-provider')).toBe('cerebras');
  });

  it(':fastest, the default, follows the measured output speed', async () => {
    performance.speeds.set('together', 480).set('groq', 120);
    const fastest = await test.chat({ model: CHAT_MODEL, messages });
    expect(fastest.headers.get('x-inference-provider')).toBe('together');
    performance.speeds.set('cerebras', 2_000);
    const faster = await test.chat({ model: `${CHAT_MODEL}:fastest`, messages });
    expect(faster.headers.get('x-inference-provider')).toBe('cerebras');
  });

  it("routes by the account's default policy and provider order", async () => {
    await putSettings(test, { defaultPolicy: 'cheapest' });
    expect((await test.chat({ model: CHAT_MODEL, messages })).headers.get('x-inference-provider')).toBe(
      'cerebras',
    );
    await putSettings(test, { providerOrder: ['together', 'groq'] });
    const preferred = await test.chat({ model: `${CHAT_MODEL}:preferred`, messages });
    expect(preferred.headers.get('x-inference-provider')).toBe('together');
  });

  it('never chooses a provider the account disabled, and says so', async () => {
    await putSettings(test, { disabledProviders: ['groq', 'together'] });
    test.simulator.injectFault('cerebras', { kind: 'status', status: 500, times: 1 });
    const failing = await test.chat({ model: CHAT_MODEL, messages });
    // Nothing to fail over to: the only enabled provider failed.
    expect(failing.status).toBe(502);
    expect([callsTo(test, 'groq'), callsTo(test, 'together')]).toEqual([0, 0]);

    const pinned = await test.chat({ model: `${CHAT_MODEL}:groq`, messages });
    expect(pinned.status).toBe(403);
    expect(((await pinned.json()) as { error: { code: string } }).error.code).toBe('provider_disabled');
    // Nor through the provider's own API at /{provider}/...
    const native = await test.request('/groq/openai/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: CHAT_MODEL, messages }),
    });
    expect(native.status).toBe(403);
    expect(callsTo(test, 'groq')).toBe(0);

    await putSettings(test, { disabledProviders: ['groq', 'together', 'cerebras'] });
    const none = await test.chat({ model: CHAT_MODEL, messages });
    expect(none.status).toBe(400);
    const body = (await none.json()) as { error: { message: string; code: string } };
    expect(body.error.code).toBe('model_not_supported');
    expect(body.error.message).toMatch(
      new RegExp(
        `^The requested model '${CHAT_MODEL}' is not supported by any provider you have enabled \\(groq: disabled in your inference provider settings;`,
      ),
    );
  });

  it('rejects an unknown suffix as Hugging Face does', async () => {
    const response = await test.chat({ model: `${CHAT_MODEL}:auto`, messages });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        message: "the provider you attempted to explicitly specify 'auto' is not a valid provider.",
        type: 'invalid_request_error',
        param: 'model',
        code: 'model_not_supported',
      },
    });
  });
});

describe('chat completions: circuit breakers', () => {
  let test: TestGateway;

  beforeAll(async () => {
    test = await startTestGateway({
      config: { routing: { circuitBreaker: { failureThreshold: 2, coolDownMs: 1_000 } } },
    });
  });
  afterAll(async () => {
    await test.close();
  });

  it('routes around a failing provider within seconds and brings it back when it recovers', async () => {
    test.simulator.injectFault('groq', { kind: 'status', status: 500, times: 2 });
    for (let index = 0; index < 2; index += 1) {
      const response = await test.chat({ model: CHAT_MODEL, messages });
      expect(response.headers.get('x-inference-provider')).toBe('together');
    }
    expect(callsTo(test, 'groq')).toBe(2);

    // Open: Groq is skipped without a call.
    const skipped = await test.chat({ model: CHAT_MODEL, messages });
    expect(skipped.headers.get('x-inference-provider')).toBe('together');
    expect(callsTo(test, 'groq')).toBe(2);
    const pinned = await test.chat({ model: `${CHAT_MODEL}:groq`, messages });
    expect(pinned.status).toBe(502);
    expect(((await pinned.json()) as { error: { code: string } }).error.code).toBe('provider_circuit_open');
    expect(callsTo(test, 'groq')).toBe(2);
    expect(test.logs.text()).toContain('Circuit opened');

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // Half-open: one trial goes to Groq, which has recovered, and closes the circuit.
    for (let index = 0; index < 2; index += 1) {
      const response = await test.chat({ model: CHAT_MODEL, messages });
      expect(response.headers.get('x-inference-provider')).toBe('groq');
    }
    expect(callsTo(test, 'groq')).toBe(4);
  });
});
