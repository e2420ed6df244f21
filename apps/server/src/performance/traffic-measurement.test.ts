/**
 * Live performance from real traffic, through the HTTP API: streamed answers from simulated providers with set
 * latencies show up in `/v1/models` as first-token latency and throughput, and `:fastest` follows them.
 */

import { coreTokens } from '@tollgate/core';
import cerebrasPlugin from '@tollgate/provider-cerebras';
import groqPlugin from '@tollgate/provider-groq';
import togetherPlugin from '@tollgate/provider-together';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_MODEL, startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';
import { figuresOf, streamOnce } from './live-performance.test-helpers.js';

describe('traffic measurement', () => {
  let test: TestGateway;
  beforeAll(async () => {
    test = await startTestGateway({
      plugins: [groqPlugin, togetherPlugin, cerebrasPlugin],
      config: { performance: { flushIntervalMs: 100, refreshIntervalMs: 100 } },
    });
    test.simulator.setLatency('groq', { firstTokenMs: 150, tokensPerSecond: 60 });
    test.simulator.setLatency('together', { firstTokenMs: 20, tokensPerSecond: 400 });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('shows nothing measured before any traffic', async () => {
    const figures = await figuresOf(test.url);
    expect(figures.groq).not.toHaveProperty('throughput');
    expect(figures.groq).not.toHaveProperty('first_token_latency_ms');
    expect(figures.groq).toMatchObject({ status: 'live', is_model_author: false });
  });

  it('turns streamed answers into first-token latency and throughput, and routes :fastest by them', async () => {
    // Before any measurement :fastest keeps the catalog order: Groq first.
    expect(await streamOnce(test, `${CHAT_MODEL}:fastest`)).toBe('groq');
    expect(await streamOnce(test, `${CHAT_MODEL}:together`)).toBe('together');

    await expect
      .poll(async () => (await figuresOf(test.url)).together?.throughput, { timeout: 5_000 })
      .toBeGreaterThan(0);
    const figures = await figuresOf(test.url);
    expect(figures.groq?.first_token_latency_ms).toBeGreaterThanOrEqual(140);
    expect(figures.groq?.throughput).toBeGreaterThan(30);
    expect(figures.groq?.throughput).toBeLessThan(90);
    expect(figures.together?.first_token_latency_ms).toBeLessThan(figures.groq!.first_token_latency_ms!);
    expect(figures.together?.throughput).toBeGreaterThan(figures.groq!.throughput! * 2);
    expect(figures.cerebras).not.toHaveProperty('throughput');

    expect(await streamOnce(test, `${CHAT_MODEL}:fastest`)).toBe('together');
    expect(await streamOnce(test, CHAT_MODEL)).toBe('together');
  });

  it('measures non-streamed answers without counting them as throughput', async () => {
    const before = (await figuresOf(test.url)).cerebras;
    const response = await test.chat({
      model: `${CHAT_MODEL}:cerebras`,
      messages: [{ role: 'user', content: 'Hi' }],
      max_tokens: 8,
    });
    expect(response.status).toBe(200);
    await test.gateway.kernel.resolve(coreTokens.performanceRecorder).flush();
    const record = await test.gateway.kernel.store.performance.find({
      providerId: 'cerebras',
      providerModelId: 'gpt-oss-120b',
    });
    expect(record).toMatchObject({ sampleCount: 1, outputTokensPerSecond: null, firstTokenLatencyMs: null });
    expect(record?.completionLatencyMs).toBeGreaterThan(0);
    expect((await figuresOf(test.url)).cerebras).toEqual(before);
  });
});
