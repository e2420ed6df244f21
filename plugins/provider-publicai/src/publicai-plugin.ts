/** The Public AI provider manifest: OpenAI-style chat through Public AI's gateway, which wants a User-Agent. */
import {
  createOpenAICompatibleNativeRoutes,
  createOpenAICompatibleTasks,
  type OpenAICompatibleTasksConfig,
} from '@tollgate/openai-compatible';
import { defineProviderPlugin } from '@tollgate/provider-spec';
import { adaptPublicaiRequestBody } from './adapt-publicai-request-body.js';
import { publicaiModels } from './publicai-models.js';
import { publicaiRates } from './publicai-rates.js';

/** Shared by the routed tasks and the native routes, so both apply the same quirks. */
const publicaiTasksConfig: OpenAICompatibleTasksConfig = {
  providerId: 'publicai',
  transformRequestBody: adaptPublicaiRequestBody,
};

export const publicaiPlugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'publicai',
  displayName: 'Public AI',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: {
    apiKeyEnvVars: ['PUBLICAI_API_KEY'],
    apiKeyRequired: true,
    baseUrl: 'https://api.publicai.co',
    auth: { kind: 'bearer' },
    // Public AI's quick start requires a User-Agent on every call, and undici sends none by default.
    headers: { 'user-agent': 'Tollgate/0.1.0' },
    keyUrl: 'https://platform.publicai.co',
  },
  tasks: createOpenAICompatibleTasks(publicaiTasksConfig),
  nativeRoutes: createOpenAICompatibleNativeRoutes(publicaiTasksConfig),
  models: publicaiModels,
  rates: { kind: 'static', table: publicaiRates },
  billing: 'integrated',
});
