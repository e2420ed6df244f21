/** A kernel wired to a provider simulator, for the executor's tests. */
import { createOpenAICompatibleNativeRoutes, createOpenAICompatibleTasks } from '@tollgate/openai-compatible';
import { defineProviderPlugin, type ProviderPluginV1 } from '@tollgate/provider-spec';
import type { ProviderSimulator } from '@tollgate/provider-test-kit';
import type { CreditHold, CreditLedger, HoldRequest } from '../credits/credit-ledger.js';
import { coreTokens } from '../kernel/core-tokens.js';
import { createKernel, type Kernel } from '../kernel/create-kernel.js';
import type { CircuitBreakerOptions } from '../routing/circuit-breakers.js';
import type { Store } from '../store/store.js';
import { createInMemoryCatalogRepository } from '../store/testing/in-memory-catalog-repository.js';
import { createInMemoryInferenceProviderSettingsRepository } from '../store/testing/in-memory-inference-provider-settings-repository.js';
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

/**
 * A chat plugin for one of the simulator's OpenAI-style profiles (`together`, `cerebras`, ...), mapping
 * `openai/gpt-oss-120b` to `providerModelId`, with its output price.
 */
export function simulatedChatPlugin(
  id: string,
  {
    path,
    providerModelId,
    outputPerMillionTokens,
  }: { path: string; providerModelId: string; outputPerMillionTokens: string },
): ProviderPluginV1 {
  return defineProviderPlugin({
    specificationVersion: 'v1',
    id,
    displayName: `${id} (test)`,
    version: '0.0.0',
    compatibility: '^0.1.0',
    settings: {
      apiKeyEnvVars: [`${id.toUpperCase()}_API_KEY`],
      apiKeyRequired: true,
      baseUrl: `https://api.${id}.example`,
      auth: { kind: 'bearer' },
    },
    tasks: createOpenAICompatibleTasks({ providerId: id, path }),
    models: [{ hfModelId: 'openai/gpt-oss-120b', providerModelId, task: 'conversational', status: 'live' }],
    rates: {
      kind: 'static',
      table: {
        asOf: '2026-11-23',
        sourceUrl: `https://${id}.example/pricing`,
        currency: 'USD',
        models: { [providerModelId]: { inputPerMillionTokens: '0.10', outputPerMillionTokens } },
      },
    },
    billing: 'integrated',
  });
}

/** Records what the executor asks of the credit ledger (`hold <id> #<n>` for the n-th provider tried, n > 1). */
export class RecordingCreditLedger implements CreditLedger {
  readonly events: string[] = [];
  /** Which provider each hold was for. */
  readonly holds: Pick<HoldRequest, 'providerId' | 'attempt'>[] = [];
  async hold(request: HoldRequest): Promise<CreditHold> {
    const attempt = request.attempt !== undefined && request.attempt > 1 ? ` #${request.attempt}` : '';
    this.events.push(`hold ${request.requestId}${attempt}`);
    this.holds.push({ providerId: request.providerId, attempt: request.attempt });
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

/** The executor's tests touch only the catalog and the routing settings of the store. */
const catalogOnlyStore = () =>
  ({
    catalog: createInMemoryCatalogRepository(),
    inferenceProviderSettings: createInMemoryInferenceProviderSettingsRepository(),
  }) as Store;

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

export interface FailoverKernelOptions {
  readonly failover?: { maxAttempts?: number; deadlineMs?: number };
  readonly circuitBreaker?: Omit<CircuitBreakerOptions, 'onTransition'>;
  readonly headersTimeoutMs?: number;
}

/** A kernel over several simulated chat providers serving `openai/gpt-oss-120b`, in the order given. */
export async function kernelForProviders(
  simulator: ProviderSimulator,
  plugins: readonly ProviderPluginV1[],
  options: FailoverKernelOptions = {},
) {
  const ledger = new RecordingCreditLedger();
  const reports: UpstreamCallReport[] = [];
  const warnings: { object: object; message: string | undefined }[] = [];
  const env: Record<string, string> = {};
  for (const plugin of plugins) {
    env[`TOLLGATE_PROVIDER_${plugin.id.toUpperCase()}_BASE_URL`] = simulator.baseUrlFor(plugin.id);
    env[plugin.settings.apiKeyEnvVars[0]!] = simulator.apiKeyFor(plugin.id);
  }
  const kernel: Kernel = createKernel({
    store: catalogOnlyStore(),
    plugins,
    env,
    observer: { upstreamCallFinished: (report) => reports.push(report) },
    logger: {
      debug() {},
      info() {},
      warn: (object, message) => warnings.push({ object, message }),
      error() {},
    },
    upstream: { bodyTimeoutMs: 5_000, headersTimeoutMs: options.headersTimeoutMs ?? 5_000 },
    routing: {
      ...(options.failover ? { failover: options.failover } : {}),
      ...(options.circuitBreaker ? { circuitBreaker: options.circuitBreaker } : {}),
    },
    configure: (container) => container.register(coreTokens.credits, { useValue: ledger }),
  });
  await kernel.start();
  return { kernel, ledger, reports, warnings };
}
