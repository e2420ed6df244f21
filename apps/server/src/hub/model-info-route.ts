/**
 * `GET /api/models/{id}`: a model as the Hub API shows it, above all `expand[]=inferenceProviderMapping`, which
 * Hugging Face's clients read to find a provider's model id (and, for `provider: "auto"`, take the first entry).
 * Public; with a token, the mapping follows the caller's provider order and shows its organizations' staging
 * mappings.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Kernel } from '@tollgate/core';
import { RoutingError } from '@tollgate/provider-spec';
import { hubModelView, modelIsKnown } from './hub-model-view.js';
import { HubErrorSchema, HubModelSchema } from './hub-schemas.js';
import { hubViewContext } from './hub-view-context.js';
import { optionalPrincipal } from './optional-principal.js';
import { readExpand } from './read-expand.js';

export interface HubRouteOptions {
  readonly kernel: Kernel;
}

/**
 * @example app.register(modelInfoRoute, { kernel });
 */
export const modelInfoRoute: FastifyPluginAsyncTypebox<HubRouteOptions> = async (app, { kernel }) => {
  app.get(
    '/api/models/*',
    {
      schema: {
        summary: 'A model and its inference provider mapping (Hub API)',
        tags: ['hub'],
        params: Type.Object({ '*': Type.String({ description: 'A Hub model id, e.g. `org/name`.' }) }),
        querystring: Type.Object(
          {
            'expand[]': Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
            expand: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
          },
          { additionalProperties: true },
        ),
        response: { 200: HubModelSchema, '4xx': HubErrorSchema },
      },
    },
    async (request) => {
      const id = request.params['*'];
      const context = await hubViewContext(kernel, await optionalPrincipal(kernel, request));
      if (!modelIsKnown(context, id)) {
        throw new RoutingError({
          message: `Model ${id} is not served by any provider of this gateway (it knows only the models its providers map).`,
          status: 404,
          code: 'model_not_found',
        });
      }
      return hubModelView(context, id, readExpand(request.query));
    },
  );
};
