/** Reads the audio file an OpenAI-style speech endpoint returns into the public `text-to-speech` output. */
import {
  type TaskResultV1,
  type TextToSpeechInputV1,
  type TextToSpeechOutputV1,
  UpstreamOutputError,
  type UpstreamResponseV1,
} from '@tollgate/provider-spec';
import type { OpenAICompatibleTextToSpeechConfig } from './openai-compatible-text-to-speech-config.js';
import { speechContentType, speechUsage } from './speech-audio.js';

/**
 * The body's bytes as audio, typed by the `content-type` header (or the file's signature), and its duration as
 * usage when the file is a WAV whose header states it; nothing is metered otherwise, since these providers state
 * no usage for speech. An empty body, or JSON where audio was expected, is an `UpstreamOutputError`.
 *
 * @example
 * mapTextToSpeechResponse({ providerId: 'together' }, { input, response }); // { output: { audio: { kind: 'bytes', bytes, contentType: 'audio/wav' } }, usage: { audioMilliseconds: 1200 } }
 */
export function mapTextToSpeechResponse(
  config: OpenAICompatibleTextToSpeechConfig,
  { input, response }: { input: TextToSpeechInputV1; response: UpstreamResponseV1 },
): TaskResultV1<TextToSpeechOutputV1> {
  const bytes = response.body;
  const isJson = response.headers['content-type']?.includes('json') === true;
  if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0 || isJson) {
    throw new UpstreamOutputError({
      message: `${config.providerId} returned no audio${isJson ? ' (a JSON body)' : ''}`,
      providerId: config.providerId,
    });
  }
  const requestedFormat = input.parameters?.response_format ?? config.defaultResponseFormat;
  const contentType = speechContentType(response, bytes, requestedFormat);
  return {
    output: { audio: { kind: 'bytes', bytes, contentType } },
    usage: speechUsage(contentType, bytes),
  };
}
