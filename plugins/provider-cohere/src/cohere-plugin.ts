/** The Cohere provider manifest: Cohere's OpenAI Compatibility API, minus the bookkeeping fields it refuses. */
import {
  createOpenAICompatibleNativeRoutes,
  createOpenAICompatibleTasks,
  type OpenAICompatibleTasksConfig,
} from '@tollgate/openai-compatible';
import { defineProviderPlugin } from '@tollgate/provider-spec';
import { cohereModels } from './cohere-models.js';
import { cohereRates } from './cohere-rates.js';

/** Shared by the routed tasks and the native routes, so both apply the same quirks. */
const cohereTasksConfig: OpenAICompatibleTasksConfig = {
  providerId: 'cohere',
  // Cohere serves OpenAI-style chat from its "Compatibility API", not from `/v1` (that is its native API).
  path: '/compatibility/v1/chat/completions',
  // The compatibility API rejects these OpenAI fields; they only label or store the request (they never change
  // the answer), so dropping them is safe. Fields that do change the answer (`n`, `logit_bias`,
  // `top_logprobs`, `parallel_tool_calls`, `reasoning_effort` other than none/high) are left for Cohere to
  // refuse, so the caller learns the request cannot be served as asked.
  unsupportedParameters: ['store', 'metadata', 'service_tier'],
};

export const coherePlugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'cohere',
  displayName: 'Cohere',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: {
    // CO_API_KEY is the variable Cohere's own SDKs read.
    apiKeyEnvVars: ['COHERE_API_KEY', 'CO_API_KEY'],
    apiKeyRequired: true,
    baseUrl: 'https://api.cohere.com',
    auth: { kind: 'bearer' },
    keyUrl: 'https://dashboard.cohere.com/api-keys',
  },
  tasks: createOpenAICompatibleTasks(cohereTasksConfig),
  nativeRoutes: createOpenAICompatibleNativeRoutes(cohereTasksConfig),
  models: cohereModels,
  rates: { kind: 'static', table: cohereRates },
  billing: 'integrated',
});
