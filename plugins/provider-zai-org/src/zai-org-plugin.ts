/**
 * The Z.ai provider manifest: OpenAI-style chat and async text-to-image under `/api/paas/v4`, with the headers
 * Z.ai expects on every call.
 */
import { createOpenAICompatibleNativeRoutes, createOpenAICompatibleTasks } from '@tollgate/openai-compatible';
import { defineProviderPlugin } from '@tollgate/provider-spec';
import { createTextToImageTask } from './create-text-to-image-task.js';
import { zaiOrgImageRoutes } from './native/zai-org-image-routes.js';
import { zaiOrgChatConfig } from './zai-org-chat-config.js';
import { zaiOrgModels } from './zai-org-models.js';
import { zaiOrgRates } from './zai-org-rates.js';

export const zaiOrgPlugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'zai-org',
  displayName: 'Z.ai',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: {
    apiKeyEnvVars: ['ZAI_API_KEY'],
    apiKeyRequired: true,
    baseUrl: 'https://api.z.ai',
    auth: { kind: 'bearer' },
    headers: {
      // Z.ai attributes traffic by channel; Hugging Face's clients send this on every Z.ai call.
      'x-source-channel': 'hugging_face',
      // Z.ai words its errors in the language asked for, Chinese by default; ask for English.
      'accept-language': 'en-US,en',
    },
    keyUrl: 'https://z.ai/manage-apikey/apikey-list',
  },
  tasks: {
    ...createOpenAICompatibleTasks(zaiOrgChatConfig),
    // Hugging Face's client uses Z.ai's async image route (the only one that takes GLM-Image asynchronously);
    // Z.ai also has a sync `/images/generations`, which Hugging Face does not call.
    'text-to-image': createTextToImageTask(),
  },
  nativeRoutes: [...createOpenAICompatibleNativeRoutes(zaiOrgChatConfig), ...zaiOrgImageRoutes],
  models: zaiOrgModels,
  rates: { kind: 'static', table: zaiOrgRates },
  billing: 'integrated',
});
