/**
 * `GET /v1/models` and `GET /v1/models/{id}`: the chat models this gateway routes, OpenAI list/object shapes
 * plus Hugging Face's `providers` details. Public, like Hugging Face's. Hub ids contain a slash, so the
 * single-model route takes the rest of the path.
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { type CatalogAudience, coreTokens, type Kernel } from '@tollgate/core';
import { RoutingError } from '@tollgate/provider-spec';
import type { FastifyRequest } from 'fastify';
import { listChatModels } from '../models/list-chat-models.js';
import { type ModelInfo, ModelInfoSchema, ModelListSchema } from '../models/model-schema.js';
import { OpenAiErrorSchema } from './openai-error-schema.js';

export interface ModelsRouteOptions {
  readonly kernel: Kernel;
  /** The `created` timestamp reported for every model, in Unix seconds. */
  readonly created: number;
}

/**
 * @example app.register(modelsRoute, { kernel, created: Math.floor(Date.now() / 1000) });
 */
export const modelsRoute: FastifyPluginAsyncTypebox<ModelsRouteOptions> = async (
  app,
  { kernel, created },
) => {
  const models = (audience: CatalogAudience): ModelInfo[] =>
    listChatModels({
      catalog: kernel.catalog,
      // What a request is charged: an estimated provider's prices include the estimate factor.
      pricing: kernel.resolve(coreTokens.chargedPricing),
      settings: kernel.providerSettings(),
      performance: kernel.resolve(coreTokens.performance),
      organizations: kernel.resolve(coreTokens.providerOrganizations),
      created,
      audience,
    });
  // Public, as on Hugging Face; a valid token adds its organizations' staging mappings, an invalid one is ignored.
  const audienceOf = async (request: FastifyRequest): Promise<CatalogAudience> => {
    const { authorization } = request.headers;
    const principal = authorization
      ? await kernel.authenticator.authenticate(authorization).catch(() => undefined)
      : undefined;
    return kernel.resolve(coreTokens.catalogAudiences).forPrincipal(principal);
  };

  app.get(
    '/v1/models',
    {
      schema: {
        summary: 'List chat models',
        tags: ['models'],
        response: { 200: ModelListSchema },
      },
    },
    async (request) => ({ object: 'list' as const, data: models(await audienceOf(request)) }),
  );

  app.get(
    '/v1/models/*',
    {
      schema: {
        summary: 'Retrieve a chat model',
        tags: ['models'],
        params: Type.Object({
          '*': Type.String({ description: 'A Hugging Face model id, e.g. `org/name`.' }),
        }),
        response: { 200: ModelInfoSchema, 404: OpenAiErrorSchema },
      },
    },
    async (request) => {
      const id = request.params['*'];
      const model = models(await audienceOf(request)).find((candidate) => candidate.id === id);
      if (!model) {
        throw new RoutingError({
          message: `The model '${id}' does not exist or is not served by any provider of this gateway.`,
          status: 404,
          code: 'model_not_found',
        });
      }
      return model;
    },
  );
};
