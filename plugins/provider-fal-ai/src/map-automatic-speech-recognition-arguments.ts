/** The arguments of fal's Whisper endpoint for a public `automatic-speech-recognition` request. */
import type { AutomaticSpeechRecognitionInputV1 } from '@tollgate/provider-spec';
import { compactArguments } from './compact-arguments.js';
import { falAudioInputUrl } from './fal-input-url.js';

/**
 * `{audio_url, task: 'transcribe', language, version: '3'}`. The audio goes as a URL or data URL;
 * `version: '3'` pins Whisper large-v3, the model the mapping names. fal returns timed segment chunks by default
 * (`chunk_level: 'segment'`), so `return_timestamps` needs no argument. fal's Whisper takes no prompt or
 * temperature, so those are not sent.
 *
 * @example
 * mapAutomaticSpeechRecognitionArguments({ inputs: { kind: 'url', url: 'https://example.com/talk.mp3' }, parameters: { language: 'en' } });
 * // { audio_url: 'https://example.com/talk.mp3', task: 'transcribe', language: 'en', version: '3' }
 */
export function mapAutomaticSpeechRecognitionArguments(
  input: AutomaticSpeechRecognitionInputV1,
): Record<string, unknown> {
  const parameters = input.parameters;
  return compactArguments({
    audio_url: falAudioInputUrl(input.inputs),
    task: 'transcribe',
    language: parameters?.language,
    version: '3',
  });
}
