/**
 * `POST /v1/embeddings`: OpenAI's embeddings API on the `feature-extraction` task of whichever provider the
 * router picks, with vectors as float arrays or as base64 float32 (what the official SDKs ask for by default).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { usdNumber } from '@tollgate/core';
import {
  type FeatureExtractionInputV1,
  type FeatureExtractionOutputV1,
  InputError,
  UpstreamOutputError,
} from '@tollgate/provider-spec';
import { clientAbortSignal } from '../http/client-abort-signal.js';
import { encodeFloat32Base64 } from '../task-api/encode-float32-base64.js';
import { executeRoutedTask } from '../task-api/execute-routed-task.js';
import { inferenceCallers } from '../task-api/inference-callers.js';
import {
  type EmbeddingsRequest,
  EmbeddingsRequestSchema,
  EmbeddingsResponseSchema,
} from './embeddings-schema.js';
import { OpenAiErrorSchema } from './openai-error-schema.js';
import type { TaskRouteOptions } from './task-route-options.js';

/** OpenAI rejects empty texts; so do embedding servers, after the call was paid for. */
function taskInput(body: EmbeddingsRequest): FeatureExtractionInputV1 {
  const texts = typeof body.input === 'string' ? [body.input] : body.input;
  const empty = texts.findIndex((text) => text.trim() === '');
  if (empty !== -1) {
    throw new InputError({
      message: 'Every input text must contain something to embed.',
      param: typeof body.input === 'string' ? 'input' : `input.${empty}`,
    });
  }
  return {
    inputs: body.input,
    ...(body.dimensions !== undefined ? { parameters: { dimensions: body.dimensions } } : {}),
  };
}

/**
 * @example app.register(embeddingsRoute, { kernel });
 */
export const embeddingsRoute: FastifyPluginAsyncTypebox<TaskRouteOptions> = async (app, { kernel }) => {
  const principals = inferenceCallers(kernel);

  app.post(
    '/v1/embeddings',
    {
      schema: {
        summary: 'Create embeddings',
        description:
          'OpenAI-compatible, on the `feature-extraction` task; `model` may carry a routing suffix such as ' +
          '`:hf-inference` or `:cheapest`.',
        tags: ['inference'],
        security: [{ bearerAuth: [] }],
        body: EmbeddingsRequestSchema,
        response: { 200: EmbeddingsResponseSchema, '4xx': OpenAiErrorSchema, '5xx': OpenAiErrorSchema },
      },
      // Authenticate first, so that an anonymous client cannot make the gateway read a large body.
      onRequest: principals.onRequest,
    },
    async (request, reply) => {
      const body = request.body;
      const input = taskInput(body);
      const { output, route, usage, costNanoUsd, chargedNanoUsd } = await executeRoutedTask({
        kernel,
        request,
        reply,
        ...principals.of(request),
        task: 'feature-extraction',
        clientParams: { inputs: 'input' },
        model: body.model,
        input,
        signal: clientAbortSignal(reply.raw),
      });
      const { embeddings } = output as FeatureExtractionOutputV1;
      const expected = typeof body.input === 'string' ? 1 : body.input.length;
      if (!Array.isArray(embeddings) || embeddings.length !== expected) {
        throw new UpstreamOutputError({
          message: `${route.providerId} returned ${embeddings?.length ?? 'no'} vectors for ${expected} texts`,
          providerId: route.providerId,
        });
      }
      const base64 = body.encoding_format === 'base64';
      const promptTokens = usage.inputTokens ?? 0;
      const cost = chargedNanoUsd ?? costNanoUsd;
      return {
        object: 'list' as const,
        data: embeddings.map((embedding, index) => ({
          object: 'embedding' as const,
          index,
          embedding: base64 ? encodeFloat32Base64(embedding) : (embedding as number[]),
        })),
        model: route.hfModelId,
        usage: {
          prompt_tokens: promptTokens,
          total_tokens: promptTokens,
          ...(cost === undefined ? {} : { cost: usdNumber(cost) }),
        },
      };
    },
  );
};
