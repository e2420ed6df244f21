/** The DeepInfra provider manifest: OpenAI-style chat, completions, embeddings, speech and transcription under `/v1/openai`. */
import {
  createOpenAICompatibleNativeRoutes,
  createOpenAICompatibleTasks,
  type OpenAICompatibleTasksConfig,
} from '@tollgate/openai-compatible';
import { defineProviderPlugin } from '@tollgate/provider-spec';
import { deepinfraModels } from './deepinfra-models.js';
import { deepinfraRates } from './deepinfra-rates.js';

/** Shared by the routed tasks and the native routes, so both apply the same quirks. */
const deepinfraTasksConfig: OpenAICompatibleTasksConfig = {
  providerId: 'deepinfra',
  // DeepInfra serves the OpenAI API under `/v1/openai`; its bare `/v1/...` routes are its native inference API.
  path: '/v1/openai/chat/completions',
  textGeneration: { path: '/v1/openai/completions' },
  featureExtraction: { path: '/v1/openai/embeddings' },
  // WAV, so that the duration is readable from the file (OpenAI's default would be MP3).
  textToSpeech: { path: '/v1/openai/audio/speech', defaultResponseFormat: 'wav' },
  automaticSpeechRecognition: { path: '/v1/openai/audio/transcriptions' },
};

export const deepinfraPlugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'deepinfra',
  displayName: 'DeepInfra',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: {
    // DeepInfra's own docs call the key `DEEPINFRA_TOKEN`; most SDKs read `DEEPINFRA_API_KEY`.
    apiKeyEnvVars: ['DEEPINFRA_API_KEY', 'DEEPINFRA_TOKEN'],
    apiKeyRequired: true,
    baseUrl: 'https://api.deepinfra.com',
    auth: { kind: 'bearer' },
    keyUrl: 'https://deepinfra.com/dash/api_keys',
  },
  tasks: createOpenAICompatibleTasks(deepinfraTasksConfig),
  nativeRoutes: createOpenAICompatibleNativeRoutes(deepinfraTasksConfig),
  models: deepinfraModels,
  rates: { kind: 'static', table: deepinfraRates },
  // Costs are computed from exact token counts. DeepInfra's `usage.estimated_cost` is a float estimate, so it
  // is not used as the provider's statement of cost.
  billing: 'integrated',
});
