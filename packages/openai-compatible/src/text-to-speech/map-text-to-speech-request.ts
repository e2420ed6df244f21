/** Builds an OpenAI-style `/v1/audio/speech` request from the public `text-to-speech` input. */
import {
  type CallContextV1,
  InputError,
  type TextToSpeechInputV1,
  type UpstreamRequestV1,
} from '@tollgate/provider-spec';
import { definedFields, finishRequestBody } from '../shared-task-config.js';
import type { OpenAICompatibleTextToSpeechConfig } from './openai-compatible-text-to-speech-config.js';

/**
 * `{ model, input, voice, response_format, speed }`, expecting the audio file's bytes back.
 *
 * @example
 * mapTextToSpeechRequest({ providerId: 'deepinfra', path: '/v1/openai/audio/speech' }, { input: { inputs: 'Hello' }, context });
 * // { method: 'POST', path: '/v1/openai/audio/speech', body: { kind: 'json', value: { model: 'hexgrad/Kokoro-82M', input: 'Hello' } }, expect: 'bytes' }
 */
export function mapTextToSpeechRequest(
  config: OpenAICompatibleTextToSpeechConfig,
  { input, context }: { input: TextToSpeechInputV1; context: CallContextV1 },
): UpstreamRequestV1 {
  if (typeof input?.inputs !== 'string' || input.inputs === '') {
    throw new InputError({ message: "'inputs' must be the text to speak", param: 'inputs' });
  }
  const parameters = input.parameters ?? {};
  const defaultVoice =
    typeof config.defaultVoice === 'string'
      ? config.defaultVoice
      : config.defaultVoice?.[context.providerModelId];
  const body = definedFields({
    model: context.providerModelId,
    input: input.inputs,
    voice: parameters.voice ?? defaultVoice,
    response_format: parameters.response_format ?? config.defaultResponseFormat,
    speed: parameters.speed,
  });
  return {
    method: 'POST',
    path: config.path ?? '/v1/audio/speech',
    body: { kind: 'json', value: finishRequestBody(config, body) },
    expect: 'bytes',
  };
}
