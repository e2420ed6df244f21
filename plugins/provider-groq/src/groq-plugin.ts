/** The Groq provider manifest: OpenAI-style chat under `/openai/v1`, metered from either usage field. */
import {
  createOpenAICompatibleNativeRoutes,
  createOpenAICompatibleTasks,
  type OpenAICompatibleTasksConfig,
} from '@tollgate/openai-compatible';
import { defineProviderPlugin } from '@tollgate/provider-spec';
import { extractGroqUsage } from './extract-groq-usage.js';
import { groqModels } from './groq-models.js';
import { groqRates } from './groq-rates.js';

/** Shared by the routed tasks and the native routes, so both apply the same quirks. */
const groqTasksConfig: OpenAICompatibleTasksConfig = {
  providerId: 'groq',
  path: '/openai/v1/chat/completions',
  extractUsage: extractGroqUsage,
};

export const groqPlugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'groq',
  displayName: 'Groq',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: {
    apiKeyEnvVars: ['GROQ_API_KEY'],
    apiKeyRequired: true,
    baseUrl: 'https://api.groq.com',
    auth: { kind: 'bearer' },
    keyUrl: 'https://console.groq.com/keys',
  },
  tasks: createOpenAICompatibleTasks(groqTasksConfig),
  nativeRoutes: createOpenAICompatibleNativeRoutes(groqTasksConfig),
  models: groqModels,
  rates: { kind: 'static', table: groqRates },
  billing: 'integrated',
});
