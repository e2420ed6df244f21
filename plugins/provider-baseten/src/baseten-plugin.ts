/** The Baseten provider manifest: Baseten's Model APIs, plain OpenAI-style chat at `inference.baseten.co`. */
import {
  createOpenAICompatibleNativeRoutes,
  createOpenAICompatibleTasks,
  type OpenAICompatibleTasksConfig,
} from '@tollgate/openai-compatible';
import { defineProviderPlugin } from '@tollgate/provider-spec';
import { basetenModels } from './baseten-models.js';
import { basetenRates } from './baseten-rates.js';

/** Shared by the routed tasks and the native routes, so both apply the same quirks. */
const basetenTasksConfig: OpenAICompatibleTasksConfig = { providerId: 'baseten' };

export const basetenPlugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'baseten',
  displayName: 'Baseten',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: {
    apiKeyEnvVars: ['BASETEN_API_KEY'],
    apiKeyRequired: true,
    // Model APIs live on their own host; `api.baseten.co` is the management API and per-deployment hosts.
    baseUrl: 'https://inference.baseten.co',
    auth: { kind: 'bearer' },
    keyUrl: 'https://app.baseten.co/settings/api_keys',
  },
  tasks: createOpenAICompatibleTasks(basetenTasksConfig),
  nativeRoutes: createOpenAICompatibleNativeRoutes(basetenTasksConfig),
  models: basetenModels,
  rates: { kind: 'static', table: basetenRates },
  billing: 'integrated',
});
