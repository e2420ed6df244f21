/**
 * Charged streams of both executors (routed and native) checkpoint their running cost for the crash reconciler: a
 * long one now and then (never above its hold), a short one never; and a crash mid-stream is then charged the
 * checkpoint, not nothing.
 */
import { createProviderSimulator, type ProviderSimulator } from '@tollgate/provider-test-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LedgerReconciler } from '../credits/ledger-reconciler.js';
import { createKernel, type Kernel } from '../kernel/create-kernel.js';
import type { StreamingNativeCall } from '../native/native-call-types.js';
import type { LedgerCheckpoint } from '../store/ledger-recovery-repository.js';
import type { Store } from '../store/store.js';
import { createInMemoryCatalogRepository } from '../store/testing/in-memory-catalog-repository.js';
import { createInMemoryInferenceProviderSettingsRepository } from '../store/testing/in-memory-inference-provider-settings-repository.js';
import { createInMemoryLedgerRecoveryRepository } from '../store/testing/in-memory-ledger-recovery-repository.js';
import { createInMemoryLedgerRepository } from '../store/testing/in-memory-ledger-repository.js';
import { createInMemoryRequestRecordRepository } from '../store/testing/in-memory-request-record-repository.js';
import type { StreamingExecution } from './execution-types.js';
import { principal, simulatedGroq } from './executor.test-helpers.js';

let simulator: ProviderSimulator;
beforeAll(async () => {
  simulator = await createProviderSimulator({ providers: ['groq'] });
});
afterEach(() => simulator.setLatency('groq', { tokensPerSecond: 0 }));
afterAll(() => simulator.close());

/** A charging kernel on in-memory stores (request records included), and every checkpoint written. */
async function chargingKernel(checkpointIntervalMs: number) {
  const ledger = createInMemoryLedgerRepository();
  const recovery = createInMemoryLedgerRecoveryRepository(ledger);
  const written: (LedgerCheckpoint & { readonly holdOpen: boolean })[] = [];
  const store = {
    catalog: createInMemoryCatalogRepository(),
    inferenceProviderSettings: createInMemoryInferenceProviderSettingsRepository(),
    requests: createInMemoryRequestRecordRepository(),
    ledger,
    ledgerRecovery: {
      ...recovery,
      async checkpoint(checkpoint: LedgerCheckpoint) {
        const open = await ledger.listOpenHolds();
        written.push({
          ...checkpoint,
          holdOpen: open.some((hold) => hold.requestId === checkpoint.requestId),
        });
        await recovery.checkpoint(checkpoint);
      },
    },
    billingAccounts: {
      async findUser(userId: string) {
        return { userId, tier: 'pro' as const };
      },
      async findOrganization() {
        return undefined;
      },
    },
  } as unknown as Store;
  const kernel: Kernel = createKernel({
    store,
    plugins: [simulatedGroq],
    env: {
      TOLLGATE_PROVIDER_GROQ_BASE_URL: simulator.baseUrlFor('groq'),
      GROQ_API_KEY: simulator.apiKeyFor('groq'),
    },
    billing: { checkpointIntervalMs, reconciler: { enabled: false } },
  });
  await kernel.start();
  return { kernel, ledger, recovery, written };
}

const streamRequest = (requestId: string) => ({
  task: 'conversational' as const,
  model: 'openai/gpt-oss-120b:groq',
  input: {
    model: 'openai/gpt-oss-120b:groq',
    messages: [{ role: 'user', content: 'Tell me a long story.' }],
    max_tokens: 64,
    stream: true,
  },
  principal,
  requestId,
  signal: new AbortController().signal,
});

async function drain(result: StreamingExecution | StreamingNativeCall): Promise<number> {
  let batches = 0;
  for await (const _batch of result.batches) batches += 1;
  return batches;
}

describe('checkpoints of charged streams', () => {
  it('checkpoints a long stream’s growing cost while its hold is open, never above the hold', async () => {
    const { kernel, ledger, written } = await chargingKernel(50);
    simulator.setLatency('groq', { tokensPerSecond: 40 });
    const result = (await kernel.executor.execute(streamRequest('long'))) as StreamingExecution;
    const batches = await drain(result);
    const completion = await result.completion;
    await kernel.dispose();

    const [hold] = (await ledger.listEntries()).filter((entry) => entry.kind === 'hold');
    expect(written.length).toBeGreaterThanOrEqual(2);
    // One upstream read checks the clock once: never more writes than reads.
    expect(written.length).toBeLessThan(batches);
    const costs = written.map((checkpoint) => checkpoint.costNanoUsd);
    expect(costs).toEqual([...costs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(costs).size).toBe(costs.length);
    for (const checkpoint of written) {
      expect(checkpoint).toMatchObject({ requestId: 'long', attempt: 1, holdOpen: true });
      expect(checkpoint.costNanoUsd).toBeGreaterThan(0n);
      expect(checkpoint.costNanoUsd).toBeLessThanOrEqual(hold!.amountNanoUsd);
    }
    expect(completion.outcome).toBe('completed');
    expect(await ledger.listOpenHolds()).toEqual([]);
  });

  it('writes no checkpoint for a stream that ends within the interval, nor with the interval at 0', async () => {
    for (const interval of [60_000, 0]) {
      const { kernel, written } = await chargingKernel(interval);
      const result = (await kernel.executor.execute(
        streamRequest(`short-${interval}`),
      )) as StreamingExecution;
      await drain(result);
      expect((await result.completion).outcome).toBe('completed');
      await kernel.dispose();
      expect(written).toEqual([]);
    }
  });

  it('lets the reconciler charge a stream its checkpoint when its instance is gone mid-stream', async () => {
    const { kernel, ledger, recovery, written } = await chargingKernel(50);
    simulator.setLatency('groq', { tokensPerSecond: 20 });
    const result = (await kernel.executor.execute(streamRequest('crashed'))) as StreamingExecution;
    const reading = result.batches[Symbol.asyncIterator]();
    while (written.length === 0) expect((await reading.next()).done).toBe(false);
    // The instance "dies" here: nothing settles this hold; another instance's reconciler finds it.
    // Read first: the reconciler prunes a checkpoint once its hold is closed and it is older than the grace.
    const checkpoint = await recovery.findCheckpoint({ requestId: 'crashed', attempt: 1 });
    const reconciled = await new LedgerReconciler(
      { ledger, recovery },
      { graceMs: 0, intervalMs: 0 },
    ).runOnce();
    expect(reconciled).toMatchObject({ settled: 1, released: 0, chargedNanoUsd: checkpoint!.costNanoUsd });
    await reading.return?.();
    await result.completion;
    await kernel.dispose();
    const settlements = (await ledger.listEntries()).filter((entry) => entry.kind === 'settle');
    expect(settlements.map((entry) => entry.amountNanoUsd)).toEqual([checkpoint!.costNanoUsd]);
  });

  it('checkpoints a native route’s long stream the same way', async () => {
    const { kernel, ledger, written } = await chargingKernel(50);
    simulator.setLatency('groq', { tokensPerSecond: 40 });
    const result = (await kernel.native.execute({
      providerId: 'groq',
      method: 'POST',
      path: '/openai/v1/chat/completions',
      query: {},
      headers: {},
      body: { kind: 'json', value: { ...streamRequest('native').input, model: 'openai/gpt-oss-120b' } },
      principal,
      requestId: 'native',
      signal: new AbortController().signal,
    })) as StreamingNativeCall;
    expect(result.kind).toBe('stream');
    await drain(result);
    await result.completion;
    await kernel.dispose();

    const [hold] = (await ledger.listEntries()).filter((entry) => entry.kind === 'hold');
    expect(written.length).toBeGreaterThanOrEqual(2);
    for (const checkpoint of written) {
      expect(checkpoint).toMatchObject({ requestId: 'native', holdOpen: true });
      expect(checkpoint.costNanoUsd).toBeLessThanOrEqual(hold!.amountNanoUsd);
    }
  });
});
