/**
 * `GET /api/models?inference_provider=a,b|all&pipeline_tag=...`: the models this gateway's providers serve, in the
 * Hub's list shape (an array), for widgets and catalogs built on the Hub API. Public; a token adds its
 * organizations' staging mappings and leaves out the providers it disabled.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { HubErrorSchema, HubModelSchema } from './hub-schemas.js';
import { hubViewContext } from './hub-view-context.js';
import { listHubModels } from './list-hub-models.js';
import type { HubRouteOptions } from './model-info-route.js';
import { optionalPrincipal } from './optional-principal.js';
import { readExpand } from './read-expand.js';

const Expand = Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())]));

function providersOf(value: string | undefined): 'all' | readonly string[] | undefined {
  if (value === undefined) return undefined;
  const providers = value
    .split(',')
    .map((provider) => provider.trim())
    .filter((provider) => provider !== '');
  return providers.includes('all') ? 'all' : providers;
}

/**
 * @example app.register(modelListRoute, { kernel });
 */
export const modelListRoute: FastifyPluginAsyncTypebox<HubRouteOptions> = async (app, { kernel }) => {
  app.get(
    '/api/models',
    {
      schema: {
        summary: 'Models served by inference providers (Hub API)',
        tags: ['hub'],
        querystring: Type.Object(
          {
            inference_provider: Type.Optional(
              Type.String({ description: 'Comma-separated provider ids, or `all`.' }),
            ),
            pipeline_tag: Type.Optional(Type.String()),
            search: Type.Optional(Type.String()),
            limit: Type.Optional(
              Type.String({ pattern: '^[0-9]+$', description: 'At most this many models.' }),
            ),
            'expand[]': Expand,
            expand: Expand,
          },
          { additionalProperties: true },
        ),
        response: { 200: Type.Array(HubModelSchema), '4xx': HubErrorSchema },
      },
    },
    async (request) => {
      const { inference_provider, pipeline_tag, search, limit } = request.query;
      const context = await hubViewContext(kernel, await optionalPrincipal(kernel, request));
      const expand = readExpand(request.query);
      const inferenceProviders = providersOf(inference_provider);
      return listHubModels(context, {
        ...(inferenceProviders !== undefined ? { inferenceProviders } : {}),
        ...(pipeline_tag !== undefined ? { pipelineTag: pipeline_tag } : {}),
        ...(search !== undefined && search !== '' ? { search } : {}),
        ...(limit !== undefined ? { limit: Number(limit) } : {}),
        ...(expand !== undefined ? { expand } : {}),
      });
    },
  );
};
