/** The Fireworks AI provider manifest: OpenAI-style chat under `/inference/v1`, always on the Standard tier. */
import {
  createOpenAICompatibleNativeRoutes,
  createOpenAICompatibleTasks,
  type OpenAICompatibleTasksConfig,
} from '@tollgate/openai-compatible';
import { defineProviderPlugin } from '@tollgate/provider-spec';
import { fireworksAiModels } from './fireworks-ai-models.js';
import { fireworksAiRates } from './fireworks-ai-rates.js';

/** Shared by the routed tasks and the native routes, so both apply the same quirks. */
const fireworksAiTasksConfig: OpenAICompatibleTasksConfig = {
  providerId: 'fireworks-ai',
  // Fireworks serves its OpenAI-compatible API under `/inference/v1`, not `/v1`.
  path: '/inference/v1/chat/completions',
  // `service_tier: "priority"` makes Fireworks bill the request at its premium Priority prices, which the
  // rate card (Standard prices) would under-charge; the field is dropped so every call runs, and is billed,
  // on the Standard tier.
  unsupportedParameters: ['service_tier'],
};

export const fireworksAiPlugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'fireworks-ai',
  displayName: 'Fireworks AI',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: {
    apiKeyEnvVars: ['FIREWORKS_API_KEY'],
    apiKeyRequired: true,
    baseUrl: 'https://api.fireworks.ai',
    auth: { kind: 'bearer' },
    keyUrl: 'https://app.fireworks.ai/settings/users/api-keys',
  },
  tasks: createOpenAICompatibleTasks(fireworksAiTasksConfig),
  nativeRoutes: createOpenAICompatibleNativeRoutes(fireworksAiTasksConfig),
  models: fireworksAiModels,
  rates: { kind: 'static', table: fireworksAiRates },
  billing: 'integrated',
});
