/**
 * `DELETE /api/partners/{provider}/models/{_id}`: a provider removes a mapping it registered. A built-in or
 * configured mapping cannot be removed this way (start-up seeding would bring it back): 409, set its status
 * instead or change the gateway's configuration.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { GatewayError } from '@tollgate/provider-spec';
import { HubErrorSchema, PartnerMappingSchema } from './hub-schemas.js';
import type { HubRouteOptions } from './model-info-route.js';
import { partnerMappingRecord } from './partner-mapping-record.js';
import { partnerMappingView } from './partner-mapping-view.js';
import { authorizePartnerWrite } from './partner-provider.js';

/**
 * @example app.register(partnerModelDeleteRoute, { kernel });
 */
export const partnerModelDeleteRoute: FastifyPluginAsyncTypebox<HubRouteOptions> = async (
  app,
  { kernel },
) => {
  app.delete(
    '/api/partners/:provider/models/:id',
    {
      schema: {
        summary: 'Remove a registered mapping (Hub partner API)',
        tags: ['partners'],
        security: [{ bearerAuth: [] }],
        params: Type.Object({ provider: Type.String(), id: Type.String() }),
        response: { 200: PartnerMappingSchema, '4xx': HubErrorSchema },
      },
    },
    async (request) => {
      const plugin = await authorizePartnerWrite(kernel, request, request.params.provider);
      const record = await partnerMappingRecord(kernel, plugin.id, request.params.id);
      if (record.origin !== 'partner') {
        throw new GatewayError({
          message: `Mapping '${record.id}' is ${record.origin === 'plugin' ? "built into the provider's plugin" : "in the gateway's configuration"}; it would come back at the next start. Set its status instead.`,
          status: 409,
          type: 'invalid_request_error',
          code: 'mapping_not_registered',
        });
      }
      await kernel.catalog.delete(record.id);
      return partnerMappingView(record);
    },
  );
};
