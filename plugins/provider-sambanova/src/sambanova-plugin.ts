/** The SambaNova Cloud provider manifest: OpenAI-style chat without strict structured output, and embeddings. */
import {
  createOpenAICompatibleNativeRoutes,
  createOpenAICompatibleTasks,
  type OpenAICompatibleTasksConfig,
} from '@tollgate/openai-compatible';
import { defineProviderPlugin } from '@tollgate/provider-spec';
import { relaxJsonSchemaStrict } from './relax-json-schema-strict.js';
import { sambanovaModels } from './sambanova-models.js';
import { sambanovaRates } from './sambanova-rates.js';

/** Shared by the routed tasks and the native routes, so both apply the same quirks. */
const sambanovaTasksConfig: OpenAICompatibleTasksConfig = {
  providerId: 'sambanova',
  transformRequestBody: relaxJsonSchemaStrict,
  featureExtraction: {},
};

export const sambanovaPlugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'sambanova',
  displayName: 'SambaNova Cloud',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: {
    apiKeyEnvVars: ['SAMBANOVA_API_KEY'],
    apiKeyRequired: true,
    baseUrl: 'https://api.sambanova.ai',
    auth: { kind: 'bearer' },
    keyUrl: 'https://cloud.sambanova.ai/apis',
  },
  tasks: createOpenAICompatibleTasks(sambanovaTasksConfig),
  nativeRoutes: createOpenAICompatibleNativeRoutes(sambanovaTasksConfig),
  models: sambanovaModels,
  rates: { kind: 'static', table: sambanovaRates },
  billing: 'integrated',
});
