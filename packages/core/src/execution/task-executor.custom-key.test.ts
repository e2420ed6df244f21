import { randomBytes } from 'node:crypto';
import { createProviderSimulator, type ProviderSimulator } from '@tollgate/provider-test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreTokens } from '../kernel/core-tokens.js';
import { createKernel } from '../kernel/create-kernel.js';
import type { Store } from '../store/store.js';
import { createInMemoryCatalogRepository } from '../store/testing/in-memory-catalog-repository.js';
import { createInMemoryProviderKeyRepository } from '../store/testing/in-memory-provider-key-repository.js';
import type { CompletedExecution, StreamingExecution } from './execution-types.js';
import { principal, RecordingCreditLedger, simulatedGroq } from './executor.test-helpers.js';

const userGroqKey = 'gsk_user_own_3Lk9Qw7Zp2Xv';
let simulator: ProviderSimulator;

beforeAll(async () => {
  // The simulated Groq accepts only the user's key: a call with the gateway's would be answered 401.
  simulator = await createProviderSimulator({ providers: ['groq'], apiKeys: { groq: userGroqKey } });
});
afterAll(() => simulator.close());

async function kernelWith(gatewayKey: string | undefined) {
  const ledger = new RecordingCreditLedger();
  const kernel = createKernel({
    store: {
      catalog: createInMemoryCatalogRepository(),
      providerKeys: createInMemoryProviderKeyRepository(),
    } as Store,
    plugins: [simulatedGroq],
    env: {
      TOLLGATE_PROVIDER_GROQ_BASE_URL: simulator.baseUrlFor('groq'),
      TOLLGATE_MASTER_KEY: randomBytes(32).toString('base64'),
      ...(gatewayKey ? { GROQ_API_KEY: gatewayKey } : {}),
    },
    configure: (container) => container.register(coreTokens.credits, { useValue: ledger }),
  });
  await kernel.start();
  return { kernel, ledger };
}

const request = (model: string, stream = false) => ({
  task: 'conversational',
  model,
  input: { model, messages: [{ role: 'user', content: 'Whose key is this?' }], max_tokens: 20, stream },
  principal,
  requestId: crypto.randomUUID(),
  signal: new AbortController().signal,
});

describe('TaskExecutor with the caller’s own provider key', () => {
  it('calls the provider with the user’s key instead of the gateway’s, holds nothing and still prices the call', async () => {
    const { kernel, ledger } = await kernelWith('gateway-groq-key');
    await kernel.providerKeys.set(principal.userId, 'groq', userGroqKey);
    simulator.resetCalls();

    const result = (await kernel.executor.execute(request('openai/gpt-oss-120b'))) as CompletedExecution;

    expect(result.billing).toBe('custom-key');
    expect(simulator.calls.map((call) => call.headers.authorization)).toEqual([`Bearer ${userGroqKey}`]);
    expect(ledger.events).toEqual([]);
    const { inputTokens, outputTokens } = result.usage;
    expect(result.costNanoUsd).toBe(BigInt(inputTokens!) * 150n + BigInt(outputTokens!) * 600n);
    await kernel.dispose();
  });

  it('makes a provider without a gateway key routable, pinned or not, and streams with the user’s key', async () => {
    const { kernel, ledger } = await kernelWith(undefined);
    const stranger = { ...principal, userId: 'user-2', userName: 'bob' };
    await expect(
      kernel.executor.execute({ ...request('openai/gpt-oss-120b:groq'), principal: stranger }),
    ).rejects.toMatchObject({ code: 'provider_unavailable' });

    await kernel.providerKeys.set(principal.userId, 'groq', userGroqKey);
    simulator.resetCalls();
    const pinned = (await kernel.executor.execute(request('openai/gpt-oss-120b:groq'))) as CompletedExecution;
    expect(pinned.billing).toBe('custom-key');
    const streamed = (await kernel.executor.execute(
      request('openai/gpt-oss-120b', true),
    )) as StreamingExecution;
    expect(streamed.kind).toBe('stream');
    expect(streamed.billing).toBe('custom-key');
    for await (const _batch of streamed.batches) {
      // drain
    }
    const completion = await streamed.completion;
    expect(completion.outcome).toBe('completed');
    expect(simulator.calls.map((call) => call.headers.authorization)).toEqual([
      `Bearer ${userGroqKey}`,
      `Bearer ${userGroqKey}`,
    ]);
    expect(ledger.events).toEqual([]);

    await kernel.providerKeys.remove(principal.userId, 'groq');
    await expect(kernel.executor.execute(request('openai/gpt-oss-120b:groq'))).rejects.toMatchObject({
      code: 'provider_unavailable',
    });
    await kernel.dispose();
  });

  it('uses an organization’s key for requests billed to it, and never for its members’ own requests', async () => {
    const { kernel, ledger } = await kernelWith(undefined);
    const acme = { id: 'org-acme', name: 'acme' };
    await kernel.providerKeys.set(acme.id, 'groq', userGroqKey);

    await expect(kernel.executor.execute(request('openai/gpt-oss-120b:groq'))).rejects.toMatchObject({
      code: 'provider_unavailable',
    });
    const billed = (await kernel.executor.execute({
      ...request('openai/gpt-oss-120b:groq'),
      billTo: acme,
    })) as CompletedExecution;
    expect(billed.billing).toBe('custom-key');
    expect(ledger.events).toEqual([]);
    await kernel.dispose();
  });

  it('refuses to start with a malformed master key, saying what one looks like', async () => {
    const kernel = createKernel({
      store: { catalog: createInMemoryCatalogRepository() } as Store,
      plugins: [simulatedGroq],
      env: { TOLLGATE_MASTER_KEY: 'hunter2' },
    });
    await expect(kernel.start()).rejects.toThrow('TOLLGATE_MASTER_KEY must be 32 random bytes');
    await kernel.dispose();
  });

  it('fails clearly when the stored key cannot be opened with the configured master key', async () => {
    const providerKeys = createInMemoryProviderKeyRepository();
    const store = { catalog: createInMemoryCatalogRepository(), providerKeys } as Store;
    const sealing = createKernel({
      store,
      plugins: [simulatedGroq],
      env: { TOLLGATE_MASTER_KEY: randomBytes(32).toString('hex') },
    });
    await sealing.start();
    await sealing.providerKeys.set(principal.userId, 'groq', userGroqKey);
    const other = createKernel({
      store,
      plugins: [simulatedGroq],
      env: { TOLLGATE_MASTER_KEY: randomBytes(32).toString('hex'), GROQ_API_KEY: 'gateway-groq-key' },
    });
    await other.start();
    await expect(other.executor.execute(request('openai/gpt-oss-120b'))).rejects.toMatchObject({
      status: 500,
      code: 'master_key_error',
    });
    await Promise.all([sealing.dispose(), other.dispose()]);
  });
});
