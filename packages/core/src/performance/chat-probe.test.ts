import { createProviderSimulator, type ProviderSimulator } from '@tollgate/provider-test-kit';
import { createUpstreamDispatcher } from '@tollgate/provider-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CatalogEntry } from '../catalog/catalog-entry.js';
import { simulatedGroq } from '../execution/executor.test-helpers.js';
import { UpstreamTargets } from '../execution/upstream-targets.js';
import { resolveProviderRuntimeSettings } from '../settings/provider-runtime-settings.js';
import { type ChatProbeLimits, probeChatMapping } from './chat-probe.js';

let simulator: ProviderSimulator;
let targets: UpstreamTargets;
const dispatcher = createUpstreamDispatcher();

beforeAll(async () => {
  simulator = await createProviderSimulator({ providers: ['groq'] });
  const env = {
    TOLLGATE_PROVIDER_GROQ_BASE_URL: simulator.baseUrlFor('groq'),
    GROQ_API_KEY: simulator.apiKeyFor('groq'),
  };
  targets = new UpstreamTargets(new Map([['groq', resolveProviderRuntimeSettings(simulatedGroq, {}, env)]]), {
    dispatcher,
  });
});
afterEach(() => {
  simulator.clearFaults();
  simulator.setLatency('groq', { firstTokenMs: 0, tokensPerSecond: 0 });
  simulator.resetCalls();
});
afterAll(async () => {
  await simulator.close();
  await dispatcher.close();
});

const entry: CatalogEntry = {
  id: 'mapping-1',
  providerId: 'groq',
  hfModelId: 'openai/gpt-oss-120b',
  providerModelId: 'openai/gpt-oss-120b',
  task: 'conversational',
  status: 'live',
  origin: 'plugin',
};
const limits: ChatProbeLimits = { timeoutMs: 5_000, maxFirstTokenMs: 1_000, capabilities: true };
const probe = (overrides: Partial<ChatProbeLimits> = {}) =>
  probeChatMapping({
    plugin: simulatedGroq,
    entry,
    targets,
    limits: { ...limits, ...overrides },
    requestId: 'probe-t',
  });

describe('probeChatMapping', () => {
  it('passes a provider that streams, calls tools and answers in JSON, measuring its speed', async () => {
    simulator.setLatency('groq', { firstTokenMs: 120, tokensPerSecond: 200 });

    const verdict = await probe();

    expect(verdict).toMatchObject({ health: 'healthy', supportsTools: true, supportsStructuredOutput: true });
    expect(verdict.firstTokenLatencyMs).toBeGreaterThanOrEqual(110);
    expect(verdict.firstTokenLatencyMs).toBeLessThan(800);
    expect(verdict.outputTokensPerSecond).toBeGreaterThan(100);
    expect(verdict.outputTokensPerSecond).toBeLessThan(260);
    const bodies = simulator.calls.map((call) => call.body as Record<string, unknown>);
    expect(bodies).toHaveLength(3);
    expect(bodies[0]).toMatchObject({ model: 'openai/gpt-oss-120b', stream: true, max_tokens: 32 });
    expect(bodies[1]).toMatchObject({ tool_choice: 'required', stream: false });
    expect(bodies[2]).toMatchObject({ response_format: { type: 'json_schema' } });
  });

  it('skips the capability probes when they are off', async () => {
    const verdict = await probe({ capabilities: false });
    expect(verdict.health).toBe('healthy');
    expect(verdict).not.toHaveProperty('supportsTools');
    expect(simulator.calls).toHaveLength(1);
  });

  it.each([
    ['a 500', { kind: 'status', status: 500 } as const, /500/],
    ['a reset connection', { kind: 'reset' } as const, /.+/],
    ['a stream cut short', { kind: 'truncate', afterChunks: 2 } as const, /.+/],
    ['a garbage body', { kind: 'garbage' } as const, /.+/],
  ])('fails a provider that answers with %s, and probes nothing more', async (_name, fault, message) => {
    simulator.injectFault('groq', { ...fault, times: 1 });
    const verdict = await probe();
    expect(verdict.health).toBe('unhealthy');
    expect(verdict.error).toMatch(message);
    expect(simulator.calls).toHaveLength(1);
  });

  it('fails a first token later than the limit', async () => {
    simulator.setLatency('groq', { firstTokenMs: 300 });
    const verdict = await probe({ maxFirstTokenMs: 100 });
    expect(verdict).toMatchObject({ health: 'unhealthy' });
    expect(verdict.error).toMatch(/the first token took \d+ ms \(the limit is 100 ms\)/);
  });

  it('fails a provider that never answers within the time limit', async () => {
    simulator.injectFault('groq', { kind: 'timeout', times: 1 });
    const verdict = await probe({ timeoutMs: 200 });
    expect(verdict).toEqual({ health: 'unhealthy', error: 'no complete answer within 200 ms' });
  });

  it('records a capability the provider refuses (4xx) as unsupported, and an outage as unknown', async () => {
    simulator.setLatency('groq', { firstTokenMs: 100 });
    const verdict = probe();
    // Faults apply to the requests after the stream probe's, which the simulator already holds.
    await vi.waitFor(() => expect(simulator.calls).toHaveLength(1));
    simulator.injectFault('groq', { kind: 'status', status: 400, times: 1 });
    simulator.injectFault('groq', { kind: 'status', status: 503, times: 1 });

    expect(await verdict).toMatchObject({ health: 'healthy', supportsTools: false });
    expect(await verdict).not.toHaveProperty('supportsStructuredOutput');
  });
});
