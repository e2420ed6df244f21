import { InsufficientCreditError } from '@tollgate/provider-spec';
import { createProviderSimulator, type ProviderSimulator } from '@tollgate/provider-test-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CreditHold, CreditLedger, HoldRequest } from '../credits/credit-ledger.js';
import type { CompletedExecution, StreamingExecution } from '../execution/execution-types.js';
import { principal, simulatedGroq } from '../execution/executor.test-helpers.js';
import { coreTokens } from '../kernel/core-tokens.js';
import { createKernel } from '../kernel/create-kernel.js';
import type { RequestRecordRepository } from '../store/request-record-repository.js';
import type { Store } from '../store/store.js';
import { createInMemoryCatalogRepository } from '../store/testing/in-memory-catalog-repository.js';
import { createInMemoryInferenceProviderSettingsRepository } from '../store/testing/in-memory-inference-provider-settings-repository.js';
import { createInMemoryRequestRecordRepository } from '../store/testing/in-memory-request-record-repository.js';

/** Charges a third of each cost (so the record's charge is visibly the ledger's, not the cost), or refuses holds. */
class ThirdChargingLedger implements CreditLedger {
  refuse = false;
  async hold(request: HoldRequest): Promise<CreditHold> {
    if (this.refuse) throw new InsufficientCreditError({ message: 'You have depleted your credits.' });
    return { requestId: request.requestId, principal: request.principal, reservedNanoUsd: 10_000_000n };
  }
  async settle(_hold: CreditHold, costNanoUsd: bigint) {
    return { costNanoUsd, chargedNanoUsd: costNanoUsd / 3n };
  }
  async release() {}
}

let simulator: ProviderSimulator;
beforeAll(async () => {
  simulator = await createProviderSimulator({ providers: ['groq'] });
});
afterEach(() => simulator.clearFaults());
afterAll(() => simulator.close());

async function recordingKernel() {
  const ledger = new ThirdChargingLedger();
  const requests: RequestRecordRepository = createInMemoryRequestRecordRepository();
  const store = {
    catalog: createInMemoryCatalogRepository(),
    inferenceProviderSettings: createInMemoryInferenceProviderSettingsRepository(),
    requests,
  } as unknown as Store;
  const kernel = createKernel({
    store,
    plugins: [simulatedGroq],
    env: {
      TOLLGATE_PROVIDER_GROQ_BASE_URL: simulator.baseUrlFor('groq'),
      GROQ_API_KEY: simulator.apiKeyFor('groq'),
    },
    configure: (container) => container.register(coreTokens.credits, { useValue: ledger }),
  });
  await kernel.start();
  return { kernel, ledger, requests };
}

const chat = (requestId: string, overrides: Record<string, unknown> = {}) => ({
  task: 'conversational' as const,
  model: (overrides.model as string | undefined) ?? 'openai/gpt-oss-120b:groq',
  input: {
    model: 'openai/gpt-oss-120b:groq',
    messages: [{ role: 'user', content: 'Record this request.' }],
    max_tokens: 30,
    ...overrides,
  },
  principal,
  requestId,
  signal: new AbortController().signal,
});

const route = {
  providerId: 'groq',
  hfModelId: 'openai/gpt-oss-120b',
  providerModelId: 'openai/gpt-oss-120b',
};

describe('RequestLog through the executors', () => {
  it('records a JSON answer with its units, cost and the charge the ledger reported', async () => {
    const { kernel, requests } = await recordingKernel();
    const result = (await kernel.executor.execute(chat('req-json'))) as CompletedExecution;
    const record = await requests.find('req-json');
    expect(record).toMatchObject({
      accountId: principal.userId,
      userId: principal.userId,
      tokenId: principal.tokenId,
      billedToOrganizationId: undefined,
      ...route,
      task: 'conversational',
      costNanoUsd: result.costNanoUsd,
      chargedNanoUsd: result.costNanoUsd! / 3n,
      billingMode: 'routed',
      status: 'ok',
      httpStatus: 200,
      streamed: false,
    });
    expect(record?.units).toMatchObject({
      inputTokens: result.usage.inputTokens,
      outputTokens: result.usage.outputTokens,
      images: 0,
    });
    expect(record?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(Date.parse(record!.createdAt)).toBeGreaterThan(0);
  });

  it('records a stream once it ended, before its completion resolves', async () => {
    const { kernel, requests } = await recordingKernel();
    const result = (await kernel.executor.execute(
      chat('req-stream', { stream: true }),
    )) as StreamingExecution;
    expect(await requests.find('req-stream')).toBeUndefined();
    for await (const _batch of result.batches) {
      // read to the end
    }
    const completion = await result.completion;
    expect(await requests.find('req-stream')).toMatchObject({
      ...route,
      streamed: true,
      status: 'ok',
      costNanoUsd: completion.costNanoUsd,
      chargedNanoUsd: completion.costNanoUsd! / 3n,
      units: { outputTokens: completion.usage.outputTokens },
    });
  });

  it('records a provider failure with the status the client gets, and no charge', async () => {
    const { kernel, requests } = await recordingKernel();
    simulator.injectFault('groq', { kind: 'status', status: 500, times: 1 });
    await expect(kernel.executor.execute(chat('req-500'))).rejects.toMatchObject({ status: 502 });
    expect(await requests.find('req-500')).toMatchObject({
      providerId: 'groq',
      status: 'upstream_500',
      httpStatus: 502,
      costNanoUsd: undefined,
      chargedNanoUsd: 0n,
    });
  });

  it('records a request the account cannot pay for (402) and one for an unknown model', async () => {
    const { kernel, ledger, requests } = await recordingKernel();
    ledger.refuse = true;
    await expect(kernel.executor.execute(chat('req-402'))).rejects.toMatchObject({ status: 402 });
    expect(await requests.find('req-402')).toMatchObject({
      status: 'insufficient_credit',
      httpStatus: 402,
      chargedNanoUsd: 0n,
      task: 'conversational',
    });
    await expect(
      kernel.executor.execute(chat('req-unknown', { model: 'nobody/nothing' })),
    ).rejects.toMatchObject({ status: 400 });
    expect(await requests.find('req-unknown')).toMatchObject({
      providerId: undefined,
      hfModelId: 'nobody/nothing',
      httpStatus: 400,
    });
  });

  it("records a native call with its mapping's task", async () => {
    const { kernel, requests } = await recordingKernel();
    const result = await kernel.native.execute({
      providerId: 'groq',
      method: 'POST',
      path: '/openai/v1/chat/completions',
      query: {},
      headers: {},
      body: {
        kind: 'json',
        value: { model: 'openai/gpt-oss-120b', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 20 },
      },
      principal,
      requestId: 'req-native',
      signal: new AbortController().signal,
    });
    expect(result.kind).toBe('complete');
    const record = await requests.find('req-native');
    expect(record).toMatchObject({ ...route, task: 'conversational', status: 'ok' });
    expect(record?.costNanoUsd).toBeGreaterThan(0n);
    expect(record?.chargedNanoUsd).toBe(record!.costNanoUsd! / 3n);
  });
});
