/**
 * The validation prober in a real gateway, through the HTTP API: probes alone fill `/v1/models`' figures; a
 * provider that starts failing its probes turns `error` and is routed around within seconds, and comes back when
 * it passes again. Probes are not billed and do not go through anyone's credit.
 */
import cerebrasPlugin from '@tollgate/provider-cerebras';
import groqPlugin from '@tollgate/provider-groq';
import togetherPlugin from '@tollgate/provider-together';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_MODEL, startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';
import { figuresOf, messages } from './live-performance.test-helpers.js';

describe('validation prober', () => {
  let test: TestGateway;
  beforeAll(async () => {
    test = await startTestGateway({
      plugins: [groqPlugin, togetherPlugin, cerebrasPlugin],
      config: {
        performance: {
          flushIntervalMs: 100,
          refreshIntervalMs: 100,
          prober: {
            enabled: true,
            checkIntervalMs: 100,
            healthyIntervalMs: 1_000,
            unhealthyIntervalMs: 300,
            timeoutMs: 2_000,
            concurrency: 4,
          },
        },
        // Keep circuits out of the way: this is about the prober's verdicts.
        routing: { circuitBreaker: { failureThreshold: 1_000 } },
      },
    });
    // Groq is the fastest by far, so it is chosen whenever it is healthy.
    test.simulator.setLatency('groq', { tokensPerSecond: 2_000 });
    test.simulator.setLatency('together', { tokensPerSecond: 150 });
    test.simulator.setLatency('cerebras', { tokensPerSecond: 150 });
  });
  afterAll(async () => {
    await test?.close();
  });

  const servedBy = async (model: string) => {
    const response = await test.chat({ model, messages, max_tokens: 16 });
    expect(response.status).toBe(200);
    return response.headers.get('x-inference-provider');
  };

  it('fills latency, throughput and capabilities from probes alone, with no traffic', async () => {
    await expect
      .poll(async () => (await figuresOf(test.url)).together?.throughput, { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(async () => (await figuresOf(test.url)).groq?.throughput, { timeout: 10_000 })
      .toBeGreaterThan(0);
    const figures = await figuresOf(test.url);
    expect(figures.groq).toMatchObject({
      status: 'live',
      supports_tools: true,
      supports_structured_output: true,
      first_token_latency_ms: expect.any(Number),
    });
    expect(figures.groq!.throughput!).toBeGreaterThan(figures.together!.throughput!);
    // Probes reached the providers, but not as routed requests: the executor (and its credit holds) saw none.
    const probes = test.simulator.calls.filter((call) => call.method === 'POST');
    expect(probes.length).toBeGreaterThanOrEqual(3 * 3);
    const metrics = await (await fetch(`${test.url}/metrics`)).text();
    expect(metrics).toMatch(/^# HELP tollgate_upstream_requests_total /m);
    expect(metrics).not.toMatch(/^tollgate_upstream_requests_total\{/m);
  });

  it('marks a provider that starts failing `error`, routes around it within seconds, and brings it back', async () => {
    await expect.poll(() => servedBy(`${CHAT_MODEL}:fastest`), { timeout: 10_000 }).toBe('groq');

    test.simulator.injectFault('groq', { kind: 'status', status: 500 });
    const failedAt = Date.now();
    await expect
      .poll(async () => (await figuresOf(test.url)).groq?.status, { timeout: 5_000, interval: 50 })
      .toBe('error');
    expect(Date.now() - failedAt).toBeLessThan(5_000);
    expect(test.logs.lines()).toContainEqual(
      expect.objectContaining({
        provider: 'groq',
        msg: 'Validation probe failed: the mapping is routed last and retested sooner',
      }),
    );
    // Still the fastest by its figures, but unhealthy: the router tries the others first.
    const groqCallsBefore = test.simulator.calls.filter((call) => call.providerId === 'groq').length;
    expect(await servedBy(`${CHAT_MODEL}:fastest`)).not.toBe('groq');
    expect(await servedBy(CHAT_MODEL)).not.toBe('groq');
    const groqCallsAfter = test.simulator.calls.filter((call) => call.providerId === 'groq').length;
    // Only probes (at most a few in that time) reached Groq, never the routed requests.
    expect(groqCallsAfter - groqCallsBefore).toBeLessThan(8);

    test.simulator.clearFaults('groq');
    await expect
      .poll(async () => (await figuresOf(test.url)).groq?.status, { timeout: 5_000, interval: 50 })
      .toBe('live');
    expect(await servedBy(`${CHAT_MODEL}:fastest`)).toBe('groq');
  });
});
