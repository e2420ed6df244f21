/** The Featherless AI provider manifest: OpenAI-style chat and completions, billed as estimated (no token prices). */
import {
  createOpenAICompatibleNativeRoutes,
  createOpenAICompatibleTasks,
  type OpenAICompatibleTasksConfig,
} from '@tollgate/openai-compatible';
import { defineProviderPlugin } from '@tollgate/provider-spec';
import { featherlessAiModels } from './featherless-ai-models.js';
import { featherlessAiRates } from './featherless-ai-rates.js';

/** Shared by the routed tasks and the native routes, so both apply the same quirks. */
const featherlessAiTasksConfig: OpenAICompatibleTasksConfig = {
  providerId: 'featherless-ai',
  textGeneration: {},
};

export const featherlessAiPlugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'featherless-ai',
  displayName: 'Featherless AI',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: {
    apiKeyEnvVars: ['FEATHERLESS_API_KEY'],
    apiKeyRequired: true,
    baseUrl: 'https://api.featherless.ai',
    auth: { kind: 'bearer' },
    keyUrl: 'https://featherless.ai/account/api-keys',
  },
  tasks: createOpenAICompatibleTasks(featherlessAiTasksConfig),
  nativeRoutes: createOpenAICompatibleNativeRoutes(featherlessAiTasksConfig),
  models: featherlessAiModels,
  rates: { kind: 'static', table: featherlessAiRates },
  // Featherless sells flat monthly plans (a number of concurrent requests), not tokens, so no exact per-request
  // cost exists: requests are billed as estimated, from rates the operator configures.
  billing: 'estimated',
});
