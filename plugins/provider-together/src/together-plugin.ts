/** The Together AI provider manifest: OpenAI-style chat, completions, embeddings, images, speech and transcription; queued video. */
import {
  createOpenAICompatibleNativeRoutes,
  createOpenAICompatibleTasks,
  type OpenAICompatibleTasksConfig,
} from '@tollgate/openai-compatible';
import { defineProviderPlugin } from '@tollgate/provider-spec';
import {
  createTogetherImageToVideoHandler,
  createTogetherTextToVideoHandler,
} from './create-together-text-to-video-handler.js';
import { flattenJsonSchemaResponseFormat } from './flatten-json-schema-response-format.js';
import { togetherNativeRoutes } from './native/together-native-routes.js';
import { TOGETHER_IMAGE_METER } from './together-image-meter.js';
import { togetherModels } from './together-models.js';
import { togetherRates } from './together-rates.js';

/** Shared by the routed tasks and the native routes, so both apply the same quirks. */
const togetherTasksConfig: OpenAICompatibleTasksConfig = {
  providerId: 'together',
  transformRequestBody: flattenJsonSchemaResponseFormat,
  textGeneration: {},
  featureExtraction: {},
  textToImage: {
    // Together takes `width`/`height`, calls the step count `steps`, and names base64 output `base64` (not
    // OpenAI's `b64_json`; the answer's items still carry `b64_json`).
    size: 'width-height',
    responseFormat: 'base64',
    parameterNames: {
      num_inference_steps: 'steps',
      guidance_scale: 'guidance_scale',
      negative_prompt: 'negative_prompt',
      seed: 'seed',
    },
    meter: TOGETHER_IMAGE_METER,
  },
  textToSpeech: {
    // Together requires a voice, and each model has its own set.
    defaultVoice: { 'canopylabs/orpheus-3b-0.1-ft': 'tara', 'hexgrad/Kokoro-82M': 'af_alloy' },
    // WAV is Together's default too; asking for it makes the duration readable from the file.
    defaultResponseFormat: 'wav',
  },
  // Together's transcriptions also take a public http(s) URL in the `file` field.
  automaticSpeechRecognition: { acceptsFileUrl: true },
};

export const togetherPlugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'together',
  displayName: 'Together AI',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: {
    apiKeyEnvVars: ['TOGETHER_API_KEY'],
    apiKeyRequired: true,
    baseUrl: 'https://api.together.xyz',
    auth: { kind: 'bearer' },
    keyUrl: 'https://api.together.ai/settings/api-keys',
  },
  tasks: {
    ...createOpenAICompatibleTasks(togetherTasksConfig),
    // Video is a job API (`/v2/videos`), not an OpenAI one.
    'text-to-video': createTogetherTextToVideoHandler(),
    'image-to-video': createTogetherImageToVideoHandler(),
  },
  // Chat, completions, embeddings, images, speech and transcription on the shared OpenAI routes (with the same
  // quirks and meters as the routed tasks); Together's video job API beside them.
  nativeRoutes: [...createOpenAICompatibleNativeRoutes(togetherTasksConfig), ...togetherNativeRoutes],
  models: togetherModels,
  rates: { kind: 'static', table: togetherRates },
  billing: 'integrated',
});
