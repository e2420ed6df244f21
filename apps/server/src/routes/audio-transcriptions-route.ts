/**
 * `POST /v1/audio/transcriptions`: OpenAI's transcription API (a multipart upload) on the
 * `automatic-speech-recognition` task of whichever provider the router picks, answered as json, text or
 * verbose_json.
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { AutomaticSpeechRecognitionOutputV1 } from '@tollgate/provider-spec';
import { UpstreamOutputError } from '@tollgate/provider-spec';
import { clientAbortSignal } from '../http/client-abort-signal.js';
import { executeRoutedTask } from '../task-api/execute-routed-task.js';
import { inferenceCallers } from '../task-api/inference-callers.js';
import { openAiTranscription } from '../task-api/openai-transcription.js';
import { readUploadForm, type UploadFormLimits } from '../task-api/read-upload-form.js';
import { transcriptionRequest } from '../task-api/transcription-request.js';
import { TranscriptionFormSchema, TranscriptionJsonSchema } from './audio-transcriptions-schema.js';
import { OpenAiErrorSchema } from './openai-error-schema.js';
import type { TaskRouteOptions } from './task-route-options.js';

/** OpenAI's own upload limit for transcriptions. */
export const DEFAULT_TRANSCRIPTION_FILE_LIMIT_BYTES = 25 * 1024 * 1024;
/** Room for a long `prompt`; every other field is a word. */
const FIELD_SIZE_LIMIT_BYTES = 64 * 1024;

export interface AudioTranscriptionsRouteOptions extends TaskRouteOptions {
  /** The largest audio file accepted; default {@link DEFAULT_TRANSCRIPTION_FILE_LIMIT_BYTES}. */
  readonly fileSizeLimitBytes?: number;
}

/**
 * @example app.register(audioTranscriptionsRoute, { kernel, fileSizeLimitBytes: 25 * 1024 * 1024 });
 */
export const audioTranscriptionsRoute: FastifyPluginAsyncTypebox<AudioTranscriptionsRouteOptions> = async (
  app,
  { kernel, fileSizeLimitBytes = DEFAULT_TRANSCRIPTION_FILE_LIMIT_BYTES },
) => {
  const principals = inferenceCallers(kernel);
  const limits: UploadFormLimits = {
    fileSizeBytes: fileSizeLimitBytes,
    fieldSizeBytes: FIELD_SIZE_LIMIT_BYTES,
  };
  // Registered in this route's scope only: no other route of the gateway takes multipart bodies.
  await app.register(fastifyMultipart, {
    throwFileSizeLimit: true,
    limits: {
      fileSize: fileSizeLimitBytes,
      files: 1,
      fieldSize: FIELD_SIZE_LIMIT_BYTES,
      fields: 16,
      parts: 17,
    },
  });

  app.post(
    '/v1/audio/transcriptions',
    {
      schema: {
        summary: 'Create a transcription',
        description:
          'OpenAI-compatible, on the `automatic-speech-recognition` task; `model` may carry a routing suffix ' +
          `such as \`:fal-ai\`. The file may be up to ${fileSizeLimitBytes} bytes.`,
        tags: ['inference'],
        security: [{ bearerAuth: [] }],
        consumes: ['multipart/form-data'],
        body: TranscriptionFormSchema,
        response: {
          200: {
            description: '`json` and `verbose_json` as JSON; `text` as plain text.',
            content: {
              'application/json': { schema: TranscriptionJsonSchema },
              'text/plain': { schema: Type.String() },
            },
          },
          '4xx': OpenAiErrorSchema,
          '5xx': OpenAiErrorSchema,
        },
      },
      // The form is read in the handler, after authentication and within the limits above; the schema documents it.
      validatorCompiler: () => () => true,
      // Authenticate first, so that an anonymous client cannot make the gateway read a large upload.
      onRequest: principals.onRequest,
    },
    async (request, reply) => {
      const { model, input, format, language } = transcriptionRequest(await readUploadForm(request, limits));
      const { output, usage, route } = await executeRoutedTask({
        kernel,
        request,
        reply,
        ...principals.of(request),
        task: 'automatic-speech-recognition',
        clientParams: { inputs: 'file' },
        model,
        input,
        signal: clientAbortSignal(reply.raw),
      });
      const transcription = output as AutomaticSpeechRecognitionOutputV1;
      if (typeof transcription?.text !== 'string') {
        throw new UpstreamOutputError({
          message: `${route.providerId} returned no text`,
          providerId: route.providerId,
        });
      }
      const answer = openAiTranscription({ output: transcription, usage, format, language });
      return reply.type(answer.contentType).send(answer.body);
    },
  );
};
