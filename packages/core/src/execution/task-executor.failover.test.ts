import { UpstreamApiError } from '@tollgate/provider-spec';
import { createProviderSimulator, type ProviderSimulator } from '@tollgate/provider-test-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CircuitOpenError } from '../routing/circuit-open-error.js';
import type { CompletedExecution, StreamItem, StreamingExecution } from './execution-types.js';
import {
  type FailoverKernelOptions,
  kernelForProviders,
  principal,
  simulatedChatPlugin,
  simulatedGroq,
} from './executor.test-helpers.js';

const together = simulatedChatPlugin('together', {
  path: '/v1/chat/completions',
  providerModelId: 'openai/gpt-oss-120b',
  outputPerMillionTokens: '0.60',
});
const cerebras = simulatedChatPlugin('cerebras', {
  path: '/v1/chat/completions',
  providerModelId: 'gpt-oss-120b',
  outputPerMillionTokens: '0.75',
});

let simulator: ProviderSimulator;

beforeAll(async () => {
  simulator = await createProviderSimulator({
    providers: ['groq', 'together', 'cerebras'],
    models: { together: ['openai/gpt-oss-120b'], cerebras: ['gpt-oss-120b'] },
  });
});
afterEach(() => {
  simulator.clearFaults();
  simulator.resetCalls();
});
afterAll(() => simulator.close());

const model = 'openai/gpt-oss-120b';

const request = (
  overrides: { model?: string; stream?: boolean; signal?: AbortSignal } = {},
  requestId: string = crypto.randomUUID(),
) => ({
  task: 'conversational' as const,
  model: overrides.model ?? model,
  input: {
    model: overrides.model ?? model,
    messages: [{ role: 'user', content: 'Route me somewhere that works.' }],
    max_tokens: 20,
    ...(overrides.stream ? { stream: true } : {}),
  },
  principal,
  requestId,
  signal: overrides.signal ?? new AbortController().signal,
});

const kernel = (options: FailoverKernelOptions = {}) =>
  kernelForProviders(simulator, [simulatedGroq, together, cerebras], options);

const callsTo = (providerId: string) => simulator.calls.filter((call) => call.providerId === providerId);

async function collect(batches: AsyncIterable<readonly StreamItem[]>): Promise<StreamItem[]> {
  const all: StreamItem[] = [];
  for await (const batch of batches) all.push(...batch);
  return all;
}

describe('TaskExecutor failover', () => {
  it('moves a JSON request to the next candidate after a 5xx, re-holding credit for it', async () => {
    const { kernel: gateway, ledger, reports, warnings } = await kernel();
    simulator.injectFault('groq', { kind: 'status', status: 500, times: 1 });

    const result = (await gateway.executor.execute(request({}, 'req-a'))) as CompletedExecution;

    expect(result.route.providerId).toBe('together');
    expect(result.costNanoUsd).toBe(
      BigInt(result.usage.inputTokens!) * 100n + BigInt(result.usage.outputTokens!) * 600n,
    );
    expect(ledger.events).toEqual([
      'hold req-a',
      'release req-a',
      'hold req-a #2',
      `settle req-a ${result.costNanoUsd}`,
    ]);
    expect(ledger.holds).toEqual([
      { providerId: 'groq', attempt: 1 },
      { providerId: 'together', attempt: 2 },
    ]);
    expect(reports).toMatchObject([
      { providerId: 'groq', outcome: 'error', upstreamStatus: 500, attempt: 1, failedOver: true },
      { providerId: 'together', outcome: 'ok' },
    ]);
    expect(warnings).toMatchObject([
      {
        object: { provider: 'groq', attempt: 1 },
        message: 'Provider failed before answering; trying the next candidate',
      },
    ]);
  });

  it.each([
    ['a 429', { kind: 'status', status: 429, times: 1 }],
    ['a connection reset', { kind: 'reset', times: 1 }],
    ['an answer that is not JSON', { kind: 'garbage', times: 1 }],
  ] as const)('fails over after %s', async (_name, fault) => {
    const { kernel: gateway } = await kernel();
    simulator.injectFault('groq', fault);
    const result = await gateway.executor.execute(request());
    expect(result.route.providerId).toBe('together');
  });

  it('fails over after a timeout', async () => {
    const { kernel: gateway } = await kernel({ headersTimeoutMs: 300 });
    simulator.injectFault('groq', { kind: 'timeout', times: 1 });
    const result = await gateway.executor.execute(request());
    expect(result.route.providerId).toBe('together');
  });

  it('never fails over a request the provider refused as invalid', async () => {
    const { kernel: gateway, ledger } = await kernel();
    simulator.injectFault('groq', { kind: 'status', status: 400, times: 1 });
    const error = await gateway.executor.execute(request({}, 'req-400')).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 400, providerId: 'groq' });
    expect(callsTo('together')).toHaveLength(0);
    expect(ledger.events).toEqual(['hold req-400', 'release req-400']);
  });

  it('never fails over a pinned provider', async () => {
    const { kernel: gateway, reports } = await kernel();
    simulator.injectFault('groq', { kind: 'status', status: 503, times: 1 });
    const error = await gateway.executor
      .execute(request({ model: `${model}:groq` }))
      .catch((caught: unknown) => caught);
    expect(UpstreamApiError.isInstance(error)).toBe(true);
    // A provider's 503 reaches the client as 502: Hugging Face's client would retry a 503 without end.
    expect(error).toMatchObject({ status: 502, providerId: 'groq' });
    expect((error as Error).message).not.toMatch(/Tried/);
    expect(callsTo('together')).toHaveLength(0);
    expect(reports).toMatchObject([{ providerId: 'groq', failedOver: false }]);
  });

  it('stops after maxAttempts and answers with the last failure, naming every provider tried', async () => {
    const { kernel: gateway } = await kernel({ failover: { maxAttempts: 2 } });
    simulator.injectFault('groq', { kind: 'status', status: 500, times: 1 });
    simulator.injectFault('together', { kind: 'status', status: 502, times: 1 });
    const error = await gateway.executor.execute(request()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 502, providerId: 'together' });
    expect((error as Error).message).toMatch(
      /Tried 2 providers: groq \(HTTP 500\), together \(HTTP 502\)\.$/,
    );
    expect(callsTo('cerebras')).toHaveLength(0);
  });

  it('tries no further provider once the deadline has passed', async () => {
    const { kernel: gateway } = await kernel({ failover: { deadlineMs: 100 }, headersTimeoutMs: 300 });
    simulator.injectFault('groq', { kind: 'timeout', times: 1 });
    const error = await gateway.executor.execute(request()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 504, providerId: 'groq' });
    expect(callsTo('together')).toHaveLength(0);
  });

  it('does not fail over when the client went away', async () => {
    const { kernel: gateway } = await kernel({ headersTimeoutMs: 2_000 });
    simulator.injectFault('groq', { kind: 'timeout', times: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await gateway.executor
      .execute(request({ signal: controller.signal }))
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: 'aborted' });
    expect(callsTo('together')).toHaveLength(0);
  });

  describe('streams', () => {
    it('fails over when the provider refuses the stream', async () => {
      const { kernel: gateway } = await kernel();
      simulator.injectFault('groq', { kind: 'status', status: 503, times: 1 });
      const result = (await gateway.executor.execute(request({ stream: true }))) as StreamingExecution;
      expect(result.route.providerId).toBe('together');
      const items = await collect(result.batches);
      expect(items.every((item) => item.type === 'chunk')).toBe(true);
      expect((await result.completion).outcome).toBe('completed');
    });

    it('fails over when the provider answered 200 but died before its first chunk', async () => {
      const { kernel: gateway, ledger } = await kernel();
      simulator.injectFault('groq', { kind: 'truncate', afterChunks: 0, times: 1 });
      const result = (await gateway.executor.execute(
        request({ stream: true }, 'req-cut'),
      )) as StreamingExecution;
      expect(result.route.providerId).toBe('together');
      const items = await collect(result.batches);
      expect(items.length).toBeGreaterThan(2);
      expect(items.every((item) => item.type === 'chunk')).toBe(true);
      const completion = await result.completion;
      expect(ledger.events).toEqual([
        'hold req-cut',
        'release req-cut',
        'hold req-cut #2',
        `settle req-cut ${completion.costNanoUsd}`,
      ]);
    });

    it('never fails over once a chunk was read: the stream ends with an error event', async () => {
      const { kernel: gateway } = await kernel();
      simulator.injectFault('groq', { kind: 'truncate', afterChunks: 3, times: 1 });
      const result = (await gateway.executor.execute(request({ stream: true }))) as StreamingExecution;
      expect(result.route.providerId).toBe('groq');
      const items = await collect(result.batches);
      expect(items.filter((item) => item.type === 'chunk').length).toBeGreaterThan(0);
      expect(items.at(-1)).toMatchObject({ type: 'error', error: { type: 'upstream_error' } });
      expect((await result.completion).outcome).toBe('upstream_failed');
      expect(callsTo('together')).toHaveLength(0);
    });
  });

  describe('circuit breakers', () => {
    it('skip a provider after consecutive failures and try it again after the cool-down', async () => {
      const { kernel: gateway } = await kernel({ circuitBreaker: { failureThreshold: 2, coolDownMs: 300 } });
      simulator.injectFault('groq', { kind: 'status', status: 500, times: 2 });
      for (let index = 0; index < 2; index += 1) {
        expect((await gateway.executor.execute(request())).route.providerId).toBe('together');
      }
      // Open: groq is not even called.
      expect((await gateway.executor.execute(request())).route.providerId).toBe('together');
      expect(callsTo('groq')).toHaveLength(2);

      await new Promise((resolve) => setTimeout(resolve, 320));
      // Half-open: one trial, which succeeds and closes the circuit.
      expect((await gateway.executor.execute(request())).route.providerId).toBe('groq');
      expect((await gateway.executor.execute(request())).route.providerId).toBe('groq');
      expect(callsTo('groq')).toHaveLength(4);
    });

    it('fail fast with a clear 502 when the only provider allowed has an open circuit', async () => {
      const { kernel: gateway } = await kernel({
        circuitBreaker: { failureThreshold: 1, coolDownMs: 60_000 },
      });
      simulator.injectFault('groq', { kind: 'status', status: 500, times: 1 });
      await gateway.executor.execute(request({ model: `${model}:groq` })).catch(() => undefined);

      const error = await gateway.executor
        .execute(request({ model: `${model}:groq` }))
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CircuitOpenError);
      expect(error).toMatchObject({ status: 502, code: 'provider_circuit_open', providerId: 'groq' });
      expect((error as Error).message).toMatch(
        /^Provider 'groq' is failing for model 'openai\/gpt-oss-120b': it failed once in a row, so the gateway stopped calling it and tries it again in 60 s\./,
      );
      expect(callsTo('groq')).toHaveLength(1);
    });

    it('say which provider was skipped when the others failed too', async () => {
      const { kernel: gateway } = await kernel({
        circuitBreaker: { failureThreshold: 1, coolDownMs: 60_000 },
      });
      simulator.injectFault('groq', { kind: 'status', status: 500, times: 1 });
      await gateway.executor.execute(request());
      simulator.injectFault('together', { kind: 'status', status: 500, times: 1 });
      simulator.injectFault('cerebras', { kind: 'status', status: 429, times: 1 });
      const error = await gateway.executor.execute(request()).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ status: 429, providerId: 'cerebras' });
      expect((error as Error).message).toMatch(
        /Tried 2 providers: together \(HTTP 500\), cerebras \(HTTP 429\); skipped groq \(circuit open\)\.$/,
      );
    });
  });
});
