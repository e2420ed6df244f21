/**
 * Direct calls: one provider, called with the caller's own key through the same plugin, executor, metering and
 * pricing as the gateway, with no gateway, no HTTP server and no database (an in-memory store). This is Hugging
 * Face's "direct call" (the client talks to the provider; nobody else is told) for embedders and the CLI. Billing is
 * `custom-key`: the provider bills the key's owner; the cost is still computed from the plugin's rates.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { InputError, type ProviderPluginV1, type TaskId } from '@tollgate/provider-spec';
import { loadApiKey } from '@tollgate/provider-utils';
import type { Principal } from '../auth/principal.js';
import { NoChargeCreditLedger } from '../credits/no-charge-credit-ledger.js';
import type { ExecutionResult } from '../execution/execution-types.js';
import type { UpstreamCallOptions } from '../execution/upstream-call-options.js';
import { coreTokens } from '../kernel/core-tokens.js';
import { createKernel, type Kernel } from '../kernel/create-kernel.js';
import type { KernelLogger } from '../kernel/logger.js';
import { MASTER_KEY_ENV_VAR } from '../provider-keys/master-key.js';
import { baseUrlEnvVar } from '../settings/base-url-env-var.js';
import type { Store } from '../store/store.js';
import { createInMemoryCatalogRepository } from '../store/testing/in-memory-catalog-repository.js';
import { createInMemoryInferenceProviderSettingsRepository } from '../store/testing/in-memory-inference-provider-settings-repository.js';
import { createInMemoryProviderKeyRepository } from '../store/testing/in-memory-provider-key-repository.js';

export interface DirectProviderClientOptions {
  readonly plugin: ProviderPluginV1;
  /** The provider key; default: the plugin's own environment variable in `env` (e.g. `GROQ_API_KEY`). */
  readonly apiKey?: string;
  /** Where the default key and a base-URL override (`TOLLGATE_PROVIDER_<ID>_BASE_URL`) are read; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Timeouts, dispatcher and URL policy of the provider calls. */
  readonly upstream?: UpstreamCallOptions;
  readonly logger?: KernelLogger;
}

export interface DirectCallRequest {
  readonly task: TaskId;
  /** A Hub model id the plugin maps, or the provider's own model id; the provider is implied (no suffix needed). */
  readonly model: string;
  /** The request in the task's public shape, as for `TaskExecutor#execute`. */
  readonly input: unknown;
  readonly signal?: AbortSignal;
}

export interface DirectProviderClient {
  readonly providerId: string;
  /** Results as the gateway's executor gives them; `billing` is `custom-key` whenever a key was used. */
  execute(request: DirectCallRequest): Promise<ExecutionResult>;
  /** The kernel behind it, for what `execute` does not cover (e.g. `kernel.native`). */
  readonly kernel: Kernel;
  close(): Promise<void>;
}

/**
 * The Hub model to route: `model` itself when the plugin maps it; the Hub model a provider model id is mapped from;
 * else, as a direct call to the provider's own API would, the provider's model id as given (mapped for this
 * process only; priced only if the plugin's rates know it).
 */
async function mappedModel(kernel: Kernel, providerId: string, model: string, task: TaskId): Promise<string> {
  if (kernel.catalog.entriesFor(model, task).some((entry) => entry.providerId === providerId)) return model;
  const mapped = kernel.catalog.entriesForProviderModel(providerId, model, task)[0];
  if (mapped) return mapped.hfModelId;
  await kernel.catalog.upsert({
    type: 'single',
    hfModelId: model,
    providerId,
    providerModelId: model,
    task,
    status: 'live',
    origin: 'config',
  });
  return model;
}

const directPrincipal: Principal = { userId: 'direct', userName: 'direct', tokenId: 'direct' };

/**
 * @example
 * const groq = await createDirectProviderClient({ plugin: groqPlugin, apiKey: process.env.GROQ_API_KEY });
 * const result = await groq.execute({ task: 'conversational', model: 'openai/gpt-oss-120b',
 *   input: { model: 'openai/gpt-oss-120b', messages: [{ role: 'user', content: 'Hi' }] } });
 * await groq.close();
 */
export async function createDirectProviderClient(
  options: DirectProviderClientOptions,
): Promise<DirectProviderClient> {
  const { plugin } = options;
  const env = options.env ?? process.env;
  const apiKey = options.apiKey?.trim() || loadApiKey({ envVars: plugin.settings.apiKeyEnvVars, env });
  if (!apiKey && plugin.settings.apiKeyRequired) {
    const variables = plugin.settings.apiKeyEnvVars.join(' or ');
    throw new InputError({
      message: `A direct call to ${plugin.id} needs its API key: pass one${variables ? `, or set ${variables}` : ''}.`,
      param: 'apiKey',
      code: 'missing_provider_key',
    });
  }
  const baseUrlVariable = baseUrlEnvVar(plugin.id);
  const baseUrl = env[baseUrlVariable];
  // A base URL the caller chose is trusted for what the provider links to there (queue status, media).
  const urlPolicy =
    options.upstream?.urlPolicy ?? (baseUrl ? { allowedOrigins: [new URL(baseUrl).origin] } : undefined);
  const kernel = createKernel({
    store: {
      catalog: createInMemoryCatalogRepository(),
      inferenceProviderSettings: createInMemoryInferenceProviderSettingsRepository(),
      providerKeys: createInMemoryProviderKeyRepository(),
    } as unknown as Store,
    plugins: [plugin],
    // The key goes in as the caller's own (custom-key path), never as a gateway key; the master key only seals it
    // in this process's memory.
    env: {
      ...(baseUrl ? { [baseUrlVariable]: baseUrl } : {}),
      [MASTER_KEY_ENV_VAR]: randomBytes(32).toString('base64'),
    },
    ...(options.logger ? { logger: options.logger } : {}),
    upstream: { ...options.upstream, ...(urlPolicy ? { urlPolicy } : {}) },
    catalog: { refreshIntervalMs: 0 },
    performance: { refreshIntervalMs: 0 },
    configure: (container) =>
      container.register(coreTokens.credits, { useValue: new NoChargeCreditLedger() }),
  });
  await kernel.start();
  if (apiKey) await kernel.providerKeys.set(directPrincipal.userId, plugin.id, apiKey);
  return {
    providerId: plugin.id,
    kernel,
    execute: async ({ task, model, input, signal }) => {
      const named = model.endsWith(`:${plugin.id}`) ? model.slice(0, -plugin.id.length - 1) : model;
      const hfModelId = await mappedModel(kernel, plugin.id, named, task);
      return kernel.executor.execute({
        task,
        model: `${hfModelId}:${plugin.id}`,
        input,
        principal: directPrincipal,
        requestId: randomUUID(),
        signal: signal ?? new AbortController().signal,
      });
    },
    close: () => kernel.dispose(),
  };
}
