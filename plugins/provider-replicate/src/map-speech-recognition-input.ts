/** `automatic-speech-recognition` in the public shape -> the input of `openai/whisper` on Replicate. */
import type { AutomaticSpeechRecognitionInputV1 } from '@tollgate/provider-spec';
import { compactInput } from './compact-input.js';
import { mediaInputUrl } from './media-input-url.js';

/**
 * Whisper takes the audio as a URL or data URL in `audio`, the language as an ISO-639-1 code (or `auto`), and
 * answers with the plain-text transcription plus timed segments whatever `return_timestamps` says.
 *
 * @example
 * mapSpeechRecognitionInput({ inputs: { kind: 'url', url: 'https://example.com/a.wav' }, parameters: { language: 'en' } });
 * // { audio: 'https://example.com/a.wav', language: 'en', transcription: 'plain text', translate: false }
 */
export function mapSpeechRecognitionInput(input: AutomaticSpeechRecognitionInputV1): Record<string, unknown> {
  const parameters = input.parameters ?? {};
  return compactInput({
    audio: mediaInputUrl(input.inputs),
    language: parameters.language,
    transcription: 'plain text',
    translate: false,
    temperature: parameters.temperature,
    initial_prompt: parameters.prompt,
  });
}
