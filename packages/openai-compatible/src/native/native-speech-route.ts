/** The native `/v1/audio/speech` route of an OpenAI-style provider, billed as its routed speech is. */
import type { NativeRouteV1 } from '@tollgate/provider-spec';
import { forwardNativeRequest } from '@tollgate/provider-utils';
import { finishRequestBody } from '../shared-task-config.js';
import type { OpenAICompatibleTextToSpeechConfig } from '../text-to-speech/openai-compatible-text-to-speech-config.js';
import { speechContentType, speechUsage } from '../text-to-speech/speech-audio.js';
import { jsonBodyOf, modelFieldOf } from './json-body-of.js';

/**
 * `POST {path}` for `text-to-speech`: the model from the body, the body passed on with the task's quirks and,
 * when it names no `response_format`, the task's `defaultResponseFormat` (WAV for the providers here, as routed
 * calls ask, since only a WAV's length can be metered); the audio comes back as bytes and is metered by
 * {@link speechUsage}, as the routed task meters it.
 *
 * @example
 * nativeSpeechRoute({ providerId: 'deepinfra', path: '/v1/openai/audio/speech', defaultResponseFormat: 'wav' });
 */
export function nativeSpeechRoute(config: OpenAICompatibleTextToSpeechConfig): NativeRouteV1 {
  return {
    method: 'POST',
    path: config.path ?? '/v1/audio/speech',
    task: 'text-to-speech',
    role: 'start',
    modelOf: modelFieldOf,
    mapRequest: ({ request }) => {
      const body = finishRequestBody(config, jsonBodyOf(request));
      if (body.response_format === undefined && config.defaultResponseFormat !== undefined) {
        body.response_format = config.defaultResponseFormat;
      }
      return forwardNativeRequest(request, { jsonBody: body, expect: 'bytes' });
    },
    meterResponse: ({ request, response }) => {
      const bytes = response.body;
      if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) return {};
      const asked = jsonBodyOf(request).response_format;
      const format = typeof asked === 'string' ? asked : config.defaultResponseFormat;
      const usage = speechUsage(speechContentType(response, bytes, format), bytes);
      return Object.keys(usage).length > 0 ? { usage } : {};
    },
  };
}
