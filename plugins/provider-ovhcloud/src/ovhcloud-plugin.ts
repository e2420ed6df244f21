/** The OVHcloud AI Endpoints provider manifest: OpenAI-style chat and completions on OVH's unified endpoint, priced in euros. */
import {
  createOpenAICompatibleNativeRoutes,
  createOpenAICompatibleTasks,
  type OpenAICompatibleTasksConfig,
} from '@tollgate/openai-compatible';
import { defineProviderPlugin } from '@tollgate/provider-spec';
import { ovhcloudModels } from './ovhcloud-models.js';
import { ovhcloudRates } from './ovhcloud-rates.js';

/** Shared by the routed tasks and the native routes, so both apply the same quirks. */
const ovhcloudTasksConfig: OpenAICompatibleTasksConfig = { providerId: 'ovhcloud', textGeneration: {} };

export const ovhcloudPlugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'ovhcloud',
  displayName: 'OVHcloud AI Endpoints',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: {
    // OVHCLOUD_API_KEY is the common name (LiteLLM and others); OVH's own guides export the second one.
    apiKeyEnvVars: ['OVHCLOUD_API_KEY', 'OVH_AI_ENDPOINTS_ACCESS_TOKEN'],
    // AI Endpoints also answers without a key, rate-limited per IP; a gateway always sends its key.
    apiKeyRequired: true,
    // The unified endpoint serves every model; per-model hosts (`<model>.endpoints.kepler...`) are not needed.
    baseUrl: 'https://oai.endpoints.kepler.ai.cloud.ovh.net',
    auth: { kind: 'bearer' },
    keyUrl: 'https://www.ovh.com/manager/#/public-cloud/',
  },
  tasks: createOpenAICompatibleTasks(ovhcloudTasksConfig),
  nativeRoutes: createOpenAICompatibleNativeRoutes(ovhcloudTasksConfig),
  models: ovhcloudModels,
  rates: { kind: 'static', table: ovhcloudRates },
  // OVH publishes its prices in euros only; without a USD price the cost is estimated (see ovhcloud-rates.ts).
  billing: 'estimated',
});
