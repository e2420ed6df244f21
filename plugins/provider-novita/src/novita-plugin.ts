/** The Novita provider manifest: OpenAI-style chat under `/v3/openai`, and text-to-video on Novita's async API. */
import { createOpenAICompatibleNativeRoutes, createOpenAICompatibleTasks } from '@tollgate/openai-compatible';
import { defineProviderPlugin } from '@tollgate/provider-spec';
import { createTextToVideoTask } from './create-text-to-video-task.js';
import { novitaAsyncRoutes } from './native/novita-async-routes.js';
import { novitaChatConfig } from './novita-chat-config.js';
import { novitaModels } from './novita-models.js';
import { novitaRates } from './novita-rates.js';

export const novitaPlugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'novita',
  displayName: 'Novita AI',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: {
    apiKeyEnvVars: ['NOVITA_API_KEY'],
    apiKeyRequired: true,
    baseUrl: 'https://api.novita.ai',
    auth: { kind: 'bearer' },
    keyUrl: 'https://novita.ai/settings/key-management',
  },
  tasks: {
    ...createOpenAICompatibleTasks(novitaChatConfig),
    'text-to-video': createTextToVideoTask(),
  },
  nativeRoutes: [...createOpenAICompatibleNativeRoutes(novitaChatConfig), ...novitaAsyncRoutes],
  models: novitaModels,
  rates: { kind: 'static', table: novitaRates },
  billing: 'integrated',
});
