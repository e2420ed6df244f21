/**
 * `POST /v1/audio/speech`: OpenAI's speech API on the `text-to-speech` task of whichever provider the router
 * picks. The answer is the audio file itself, with its content type; audio the provider left at a URL is fetched.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { TextToSpeechInputV1, TextToSpeechOutputV1 } from '@tollgate/provider-spec';
import { UpstreamOutputError } from '@tollgate/provider-spec';
import { clientAbortSignal } from '../http/client-abort-signal.js';
import { definedFields } from '../task-api/defined-fields.js';
import { executeRoutedTask } from '../task-api/execute-routed-task.js';
import { inferenceCallers } from '../task-api/inference-callers.js';
import { kernelMediaFetcher } from '../task-api/kernel-media-fetcher.js';
import { mediaBytes } from '../task-api/media-for-client.js';
import { type SpeechRequest, SpeechRequestSchema } from './audio-speech-schema.js';
import { OpenAiErrorSchema } from './openai-error-schema.js';
import type { TaskRouteOptions } from './task-route-options.js';

const AUDIO_FILE = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

function taskInput(body: SpeechRequest): TextToSpeechInputV1 {
  const parameters = definedFields({
    voice: body.voice,
    speed: body.speed,
    response_format: body.response_format,
  });
  return { inputs: body.input, ...(Object.keys(parameters).length > 0 ? { parameters } : {}) };
}

/**
 * @example app.register(audioSpeechRoute, { kernel });
 */
export const audioSpeechRoute: FastifyPluginAsyncTypebox<TaskRouteOptions> = async (app, { kernel }) => {
  const principals = inferenceCallers(kernel);
  const fetchMedia = kernelMediaFetcher(kernel);

  app.post(
    '/v1/audio/speech',
    {
      schema: {
        summary: 'Create speech',
        description:
          'OpenAI-compatible, on the `text-to-speech` task; `model` may carry a routing suffix such as `:fal-ai`. ' +
          'The body is the audio file. Providers that produce one format only answer in it whatever ' +
          '`response_format` asked for; `content-type` always says which format came.',
        tags: ['inference'],
        security: [{ bearerAuth: [] }],
        body: SpeechRequestSchema,
        response: {
          200: {
            description: 'The audio file.',
            content: {
              'audio/mpeg': { schema: AUDIO_FILE },
              'audio/wav': { schema: AUDIO_FILE },
              'audio/flac': { schema: AUDIO_FILE },
              'audio/ogg': { schema: AUDIO_FILE },
              'application/octet-stream': { schema: AUDIO_FILE },
            },
          },
          '4xx': OpenAiErrorSchema,
          '5xx': OpenAiErrorSchema,
        },
      },
      // Authenticate first, so that an anonymous client cannot make the gateway read a large body.
      onRequest: principals.onRequest,
    },
    async (request, reply) => {
      const body = request.body;
      const signal = clientAbortSignal(reply.raw);
      const { output, route } = await executeRoutedTask({
        kernel,
        request,
        reply,
        ...principals.of(request),
        task: 'text-to-speech',
        clientParams: { inputs: 'input' },
        model: body.model,
        input: taskInput(body),
        signal,
      });
      const { audio } = output as TextToSpeechOutputV1;
      if (audio === undefined) {
        throw new UpstreamOutputError({
          message: `${route.providerId} returned no audio`,
          providerId: route.providerId,
        });
      }
      const { bytes, contentType } = await mediaBytes(audio, {
        fetchMedia,
        providerId: route.providerId,
        signal,
      });
      return reply
        .type(contentType ?? 'application/octet-stream')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
};
