/** A kernel wired to a provider simulator, for the executor's tests. */
import { createOpenAICompatibleNativeRoutes, createOpenAICompatibleTasks } from '@tollgate/openai-compatible';
import { defineProviderPlugin } from '@tollgate/provider-spec';
import type { ProviderSimulator } from '@tollgate/provider-test-kit';
import type { CreditHold, CreditLedger } from '../credits/credit-ledger.js';
import { coreTokens } from '../kernel/core-tokens.js';
import { createKernel, type Kernel } from '../kernel/create-kernel.js';
import type { Store } from '../store/store.js';
import { createInMemoryCatalogRepository } from '../store/testing/in-memory-catalog-repository.js';
import type { UpstreamCallReport } from './execution-observer.js';

export const simulatedGroq = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'groq',
  displayName: 'Groq (test)',
  version: '0.0.0',
  compatibility: '^0.1.0',
  settings: {
    apiKeyEnvVars: ['GROQ_API_KEY'],
    apiKeyRequired: true,
    baseUrl: 'https://api.groq.com',
    auth: { kind: 'bearer' },
  },
  tasks: createOpenAICompatibleTasks({ providerId: 'groq', path: '/openai/v1/chat/completions' }),
  nativeRoutes: createOpenAICompatibleNativeRoutes({
    providerId: 'groq',
    path: '/openai/v1/chat/completions',
  }),
  models: [
    {
      hfModelId: 'openai/gpt-oss-120b',
      providerModelId: 'openai/gpt-oss-120b',
      task: 'conversational',
      status: 'live',
    },
  ],
  rates: {
    kind: 'static',
    table: {
      asOf: '2026-11-23',
      sourceUrl: 'https://groq.com/pricing',
      currency: 'USD',
      models: { 'openai/gpt-oss-120b': { inputPerMillionTokens: '0.15', outputPerMillionTokens: '0.60' } },
    },
  },
  billing: 'integrated',
});

/** Records what the executor asks of the credit ledger. */
export class RecordingCreditLedger implements CreditLedger {
  readonly events: string[] = [];
  async hold(request: { requestId: string; principal: CreditHold['principal'] }): Promise<CreditHold> {
    this.events.push(`hold ${request.requestId}`);
    return { requestId: request.requestId, principal: request.principal, reservedNanoUsd: 0n };
  }
  async settle(hold: CreditHold, costNanoUsd: bigint) {
    this.events.push(`settle ${hold.requestId} ${costNanoUsd}`);
    return { costNanoUsd, chargedNanoUsd: 0n };
  }
  async release(hold: CreditHold) {
    this.events.push(`release ${hold.requestId}`);
  }
}

/** The executor's tests touch only the catalog of the store. */
const catalogOnlyStore = () => ({ catalog: createInMemoryCatalogRepository() }) as Store;

export async function kernelFor(simulator: ProviderSimulator, overrides: { bodyTimeoutMs?: number } = {}) {
  const ledger = new RecordingCreditLedger();
  const reports: UpstreamCallReport[] = [];
  const kernel: Kernel = createKernel({
    store: catalogOnlyStore(),
    plugins: [simulatedGroq],
    env: {
      TOLLGATE_PROVIDER_GROQ_BASE_URL: simulator.baseUrlFor('groq'),
      GROQ_API_KEY: simulator.apiKeyFor('groq'),
    },
    observer: { upstreamCallFinished: (report) => reports.push(report) },
    upstream: { bodyTimeoutMs: overrides.bodyTimeoutMs ?? 5_000 },
    configure: (container) => container.register(coreTokens.credits, { useValue: ledger }),
  });
  await kernel.start();
  return { kernel, ledger, reports };
}

export const principal = { userId: 'user-1', userName: 'ada', tokenId: 'token-1' };
