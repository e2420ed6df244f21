/** The Scaleway provider manifest: Generative APIs' OpenAI-style chat, completions and embeddings, priced in euros. */
import {
  createOpenAICompatibleNativeRoutes,
  createOpenAICompatibleTasks,
  type OpenAICompatibleTasksConfig,
} from '@tollgate/openai-compatible';
import { defineProviderPlugin } from '@tollgate/provider-spec';
import { scalewayModels } from './scaleway-models.js';
import { scalewayRates } from './scaleway-rates.js';

/** Shared by the routed tasks and the native routes, so both apply the same quirks. */
const scalewayTasksConfig: OpenAICompatibleTasksConfig = {
  providerId: 'scaleway',
  textGeneration: {},
  featureExtraction: {},
};

export const scalewayPlugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'scaleway',
  displayName: 'Scaleway',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: {
    // Scaleway's tools and SDKs all read the IAM secret key from SCW_SECRET_KEY.
    apiKeyEnvVars: ['SCW_SECRET_KEY'],
    apiKeyRequired: true,
    baseUrl: 'https://api.scaleway.ai',
    auth: { kind: 'bearer' },
    keyUrl: 'https://console.scaleway.com/iam/api-keys',
  },
  tasks: createOpenAICompatibleTasks(scalewayTasksConfig),
  nativeRoutes: createOpenAICompatibleNativeRoutes(scalewayTasksConfig),
  models: scalewayModels,
  rates: { kind: 'static', table: scalewayRates },
  // Scaleway publishes its prices in euros only; without a USD price the cost is estimated (see scaleway-rates.ts).
  billing: 'estimated',
});
