/**
 * `POST /v1/chat/completions` as a Fastify route: it documents the endpoint in the OpenAPI document, and serves
 * requests that reach the framework without the listening server's lean inference path (`app.inject`). A
 * listening gateway answers this path from `createInferenceHandler`; both run `serveChatCompletion`.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kernel } from '@tollgate/core';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { clientAbortSignal } from '../http/client-abort-signal.js';
import { authorizeInferenceCall, type InferenceCaller } from '../inference/authorize-inference-call.js';
import type { InferenceExchange } from '../inference/inference-exchange.js';
import { sendInferenceError } from '../inference/send-inference-error.js';
import { serveChatCompletion } from '../inference/serve-chat-completion.js';
import { ChatCompletionRequestSchema, ChatCompletionResponseSchema } from './chat-completion-schema.js';
import { OpenAiErrorSchema } from './openai-error-schema.js';

export interface ChatCompletionsRouteOptions {
  readonly kernel: Kernel;
  readonly logger: Logger;
}

/**
 * @example app.register(chatCompletionsRoute, { kernel, logger });
 */
export const chatCompletionsRoute: FastifyPluginAsyncTypebox<ChatCompletionsRouteOptions> = async (
  app,
  { kernel, logger },
) => {
  const principals = new WeakMap<FastifyRequest, InferenceCaller>();

  app.post(
    '/v1/chat/completions',
    {
      schema: {
        summary: 'Create a chat completion',
        description: 'OpenAI-compatible; `model` may carry a routing suffix such as `:groq` or `:cheapest`.',
        tags: ['inference'],
        security: [{ bearerAuth: [] }],
        body: ChatCompletionRequestSchema,
        response: { 200: ChatCompletionResponseSchema, '4xx': OpenAiErrorSchema, '5xx': OpenAiErrorSchema },
      },
      // Authenticate first, so that an anonymous client cannot make the gateway read a large body.
      onRequest: async (request) => {
        principals.set(request, await authorizeInferenceCall(kernel, request.headers));
      },
    },
    async (request, reply) => {
      reply.hijack();
      const exchange: InferenceExchange = {
        request: request.raw,
        response: reply.raw,
        requestId: request.id,
        headers: { ...(reply.getHeaders() as OutgoingHttpHeaders) },
        signal: clientAbortSignal(reply.raw),
      };
      try {
        await serveChatCompletion({
          kernel,
          logger,
          exchange,
          ...principals.get(request)!,
          body: request.body,
        });
      } catch (error) {
        sendInferenceError(exchange, error, logger);
      }
    },
  );
};
