/** The Cerebras provider manifest: OpenAI-style chat, minus the `store` field Cerebras rejects. */
import {
  createOpenAICompatibleNativeRoutes,
  createOpenAICompatibleTasks,
  type OpenAICompatibleTasksConfig,
} from '@tollgate/openai-compatible';
import { defineProviderPlugin } from '@tollgate/provider-spec';
import { cerebrasModels } from './cerebras-models.js';
import { cerebrasRates } from './cerebras-rates.js';

/** Shared by the routed tasks and the native routes, so both apply the same quirks. */
const cerebrasTasksConfig: OpenAICompatibleTasksConfig = {
  providerId: 'cerebras',
  // Cerebras answers 400 to OpenAI's `store` field, which OpenAI SDK users often send; drop it.
  unsupportedParameters: ['store'],
};

export const cerebrasPlugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'cerebras',
  displayName: 'Cerebras',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: {
    apiKeyEnvVars: ['CEREBRAS_API_KEY'],
    apiKeyRequired: true,
    baseUrl: 'https://api.cerebras.ai',
    auth: { kind: 'bearer' },
    keyUrl: 'https://cloud.cerebras.ai',
  },
  tasks: createOpenAICompatibleTasks(cerebrasTasksConfig),
  nativeRoutes: createOpenAICompatibleNativeRoutes(cerebrasTasksConfig),
  models: cerebrasModels,
  rates: { kind: 'static', table: cerebrasRates },
  billing: 'integrated',
});
