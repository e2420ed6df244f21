/** The Replicate provider manifest: every task runs as a prediction, created with `Prefer: wait` and polled if needed. */
import { defineProviderPlugin } from '@tollgate/provider-spec';
import { createPredictionTask } from './create-prediction-task.js';
import { loraWeightsFor } from './lora-weights.js';
import { mapImageToImageInput } from './map-image-to-image-input.js';
import { mapSpeechRecognitionInput } from './map-speech-recognition-input.js';
import { mapTextToImageInput } from './map-text-to-image-input.js';
import { mapTextToSpeechInput } from './map-text-to-speech-input.js';
import { mapTextToVideoInput } from './map-text-to-video-input.js';
import { createReplicateNativeRoutes } from './native/replicate-native-routes.js';
import { readImageOutput } from './read-image-output.js';
import { readSpeechOutput } from './read-speech-output.js';
import { readTranscriptionOutput } from './read-transcription-output.js';
import { readVideoOutput } from './read-video-output.js';
import { replicateModels } from './replicate-models.js';
import { replicateRates } from './replicate-rates.js';

const rates = replicateRates;

export const replicatePlugin = defineProviderPlugin({
  specificationVersion: 'v1',
  id: 'replicate',
  displayName: 'Replicate',
  version: '0.1.0',
  compatibility: '^0.1.0',
  settings: {
    apiKeyEnvVars: ['REPLICATE_API_TOKEN', 'REPLICATE_API_KEY'],
    apiKeyRequired: true,
    baseUrl: 'https://api.replicate.com',
    auth: { kind: 'bearer' },
    keyUrl: 'https://replicate.com/account/api-tokens',
  },
  tasks: {
    'text-to-image': createPredictionTask({
      rates,
      buildInput: (input, context) =>
        mapTextToImageInput(input, loraWeightsFor(replicateModels, context.hfModelId)),
      readOutput: readImageOutput,
    }),
    'image-to-image': createPredictionTask({
      rates,
      buildInput: (input, context) =>
        mapImageToImageInput(input, loraWeightsFor(replicateModels, context.hfModelId)),
      readOutput: readImageOutput,
    }),
    'text-to-video': createPredictionTask({
      rates,
      buildInput: mapTextToVideoInput,
      readOutput: readVideoOutput,
    }),
    'automatic-speech-recognition': createPredictionTask({
      rates,
      buildInput: mapSpeechRecognitionInput,
      readOutput: readTranscriptionOutput,
    }),
    'text-to-speech': createPredictionTask({
      rates,
      buildInput: mapTextToSpeechInput,
      readOutput: readSpeechOutput,
    }),
  },
  models: replicateModels,
  rates: { kind: 'static', table: rates },
  billing: 'integrated',
  // Replicate's own predictions API at `/replicate/v1/...`, as Hugging Face's router passes it through.
  nativeRoutes: createReplicateNativeRoutes(replicateModels, rates),
});
