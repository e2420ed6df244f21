/** Builds a provider plugin for any server that speaks the OpenAI chat API (vLLM, TGI, llama.cpp, Ollama, ...). */
import {
  createOpenAICompatibleNativeRoutes,
  createOpenAICompatibleTasks,
  type OpenAICompatibleChatConfig,
} from '@tollgate/openai-compatible';
import {
  defineProviderPlugin,
  type ModelMappingV1,
  PluginDefinitionError,
  type ProviderBillingApiV1,
  type ProviderPluginV1,
  type RateTableV1,
} from '@tollgate/provider-spec';

export interface OpenAICompatiblePluginOptions {
  /** The provider id, kebab-case, unique among the gateway's plugins. */
  readonly id: string;
  readonly displayName: string;
  /** Where the server listens, e.g. `http://vllm.internal:8000`. */
  readonly baseUrl: string;
  /** Environment variables holding the key, in order; default none. */
  readonly apiKeyEnvVars?: readonly string[];
  /** Whether calls need a key; default false (local servers usually take none). */
  readonly apiKeyRequired?: boolean;
  /** Headers the server expects on every call. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly models: readonly ModelMappingV1[];
  /** Every mapped model needs a card here, or the table needs a `fallback`. */
  readonly rates: RateTableV1;
  /** Quirk knobs of the chat handler (path, unsupported parameters, stream usage). */
  readonly chat?: Omit<OpenAICompatibleChatConfig, 'providerId'>;
  /** Default `0.1.0`. */
  readonly version?: string;
  /**
   * The server's billing endpoint in Hugging Face's provider billing API, when it reports each request's true cost
   * later (decision 0021): requests are then charged what it reports instead of rate x usage.
   */
  readonly billingApi?: ProviderBillingApiV1;
}

/**
 * A validated, branded plugin for one OpenAI-compatible server. Throws a `PluginDefinitionError` when a mapped
 * model has no price, because the gateway could not bill it.
 *
 * @example
 * const localVllm = createOpenAICompatiblePlugin({
 *   id: 'local-vllm', displayName: 'Local vLLM', baseUrl: 'http://127.0.0.1:8000',
 *   models: [{ hfModelId: 'Qwen/Qwen3-8B', providerModelId: 'Qwen/Qwen3-8B', task: 'conversational', status: 'live' }],
 *   rates: { asOf: '2026-11-23', sourceUrl: 'http://127.0.0.1:8000', currency: 'USD', models: {}, fallback: { inputPerMillionTokens: '0', outputPerMillionTokens: '0' } },
 * });
 */
export function createOpenAICompatiblePlugin(options: OpenAICompatiblePluginOptions): ProviderPluginV1 {
  const unpriced = options.rates.fallback
    ? []
    : options.models.filter((mapping) => options.rates.models[mapping.providerModelId] === undefined);
  if (unpriced.length > 0) {
    const problems = unpriced.map(
      (mapping) => `rates.table.models has no card for '${mapping.providerModelId}' (${mapping.hfModelId})`,
    );
    throw new PluginDefinitionError({
      message: `Provider plugin '${options.id}' is invalid:\n  - ${problems.join('\n  - ')}`,
      problems,
    });
  }
  return defineProviderPlugin({
    specificationVersion: 'v1',
    id: options.id,
    displayName: options.displayName,
    version: options.version ?? '0.1.0',
    compatibility: '^0.1.0',
    settings: {
      apiKeyEnvVars: options.apiKeyEnvVars ?? [],
      apiKeyRequired: options.apiKeyRequired ?? false,
      baseUrl: options.baseUrl,
      // Without a key no auth header is sent, so bearer also serves servers that take none.
      auth: { kind: 'bearer' },
      ...(options.headers ? { headers: options.headers } : {}),
    },
    tasks: createOpenAICompatibleTasks({ ...options.chat, providerId: options.id }),
    nativeRoutes: createOpenAICompatibleNativeRoutes({ ...options.chat, providerId: options.id }),
    models: options.models,
    rates: { kind: 'static', table: options.rates },
    billing: 'integrated',
    ...(options.billingApi ? { billingApi: options.billingApi } : {}),
  });
}
