/** The `automatic-speech-recognition` task handler for any OpenAI-style `/v1/audio/transcriptions` upstream. */
import type {
  AutomaticSpeechRecognitionInputV1,
  AutomaticSpeechRecognitionOutputV1,
  SyncTaskHandlerV1,
} from '@tollgate/provider-spec';
import { mapAutomaticSpeechRecognitionRequest } from './map-automatic-speech-recognition-request.js';
import { mapAutomaticSpeechRecognitionResponse } from './map-automatic-speech-recognition-response.js';
import type { OpenAICompatibleAutomaticSpeechRecognitionConfig } from './openai-compatible-automatic-speech-recognition-config.js';

/**
 * A sync handler that uploads the audio as a multipart form and reads JSON back; quirks come from `config`.
 *
 * @example
 * const transcription = createOpenAICompatibleAutomaticSpeechRecognitionHandler({ providerId: 'deepinfra', path: '/v1/openai/audio/transcriptions' });
 */
export function createOpenAICompatibleAutomaticSpeechRecognitionHandler(
  config: OpenAICompatibleAutomaticSpeechRecognitionConfig,
): SyncTaskHandlerV1<AutomaticSpeechRecognitionInputV1, AutomaticSpeechRecognitionOutputV1> {
  return {
    kind: 'sync',
    mapRequest: (args) => mapAutomaticSpeechRecognitionRequest(config, args),
    mapResponse: (args) => mapAutomaticSpeechRecognitionResponse(config, args),
  };
}
