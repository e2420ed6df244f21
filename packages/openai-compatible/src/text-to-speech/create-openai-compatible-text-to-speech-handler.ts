/** The `text-to-speech` task handler for any OpenAI-style `/v1/audio/speech` upstream. */
import type { SyncTaskHandlerV1, TextToSpeechInputV1, TextToSpeechOutputV1 } from '@tollgate/provider-spec';
import { mapTextToSpeechRequest } from './map-text-to-speech-request.js';
import { mapTextToSpeechResponse } from './map-text-to-speech-response.js';
import type { OpenAICompatibleTextToSpeechConfig } from './openai-compatible-text-to-speech-config.js';

/**
 * A sync handler that sends JSON and reads audio bytes; quirks come from `config`.
 *
 * @example
 * // Together requires a voice.
 * const speech = createOpenAICompatibleTextToSpeechHandler({ providerId: 'together', defaultVoice: 'tara' });
 */
export function createOpenAICompatibleTextToSpeechHandler(
  config: OpenAICompatibleTextToSpeechConfig,
): SyncTaskHandlerV1<TextToSpeechInputV1, TextToSpeechOutputV1> {
  return {
    kind: 'sync',
    mapRequest: (args) => mapTextToSpeechRequest(config, args),
    mapResponse: (args) => mapTextToSpeechResponse(config, args),
  };
}
