/**
 * `GET /api/partners/{provider}/models?status=live|staging`: every mapping of one provider, grouped by task as
 * Hugging Face's partner API groups them. Public, as on the Hub: the listing says which mappings exist; only the
 * provider's organization can use its staging ones.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { CatalogMappingStatus } from '@tollgate/core';
import { InputError } from '@tollgate/provider-spec';
import { HubErrorSchema } from './hub-schemas.js';
import type { HubRouteOptions } from './model-info-route.js';
import { groupPartnerMappings } from './partner-mapping-view.js';
import { partnerPlugin } from './partner-provider.js';

const STATUSES: readonly CatalogMappingStatus[] = ['live', 'staging', 'error'];

/**
 * @example app.register(partnerModelsListRoute, { kernel });
 */
export const partnerModelsListRoute: FastifyPluginAsyncTypebox<HubRouteOptions> = async (app, { kernel }) => {
  app.get(
    '/api/partners/:provider/models',
    {
      schema: {
        summary: "A provider's model mappings, grouped by task (Hub partner API)",
        tags: ['partners'],
        params: Type.Object({ provider: Type.String() }),
        querystring: Type.Object({ status: Type.Optional(Type.String()) }, { additionalProperties: true }),
        response: {
          200: Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown()), {
            description: 'Task -> Hub model id (or `tag-filter=<tags>`) -> `{_id, providerId, status}`.',
          }),
          '4xx': HubErrorSchema,
        },
      },
    },
    async (request) => {
      const plugin = partnerPlugin(kernel, request.params.provider);
      const { status } = request.query;
      if (status !== undefined && !STATUSES.includes(status as CatalogMappingStatus)) {
        throw new InputError({
          message: `\`status\`: live, staging or error, not '${status}'.`,
          param: 'status',
          code: 'invalid_status',
        });
      }
      const records = await kernel.store.catalog.list({
        providerId: plugin.id,
        ...(status !== undefined ? { status: status as CatalogMappingStatus } : {}),
      });
      return groupPartnerMappings(records);
    },
  );
};
