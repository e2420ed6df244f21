/**
 * `POST /api/partners/{provider}/models`: a provider registers a mapping, a single model or a tag filter, as on
 * Hugging Face's partner API. `staging` by default, usable only by the provider's organization until it is set
 * live. Written to the shared catalog with origin `partner` (start-up seeding never overwrites it); this instance
 * routes by it when the call returns, the others within their catalog refresh interval.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { HubErrorSchema, PartnerMappingSchema } from './hub-schemas.js';
import type { HubRouteOptions } from './model-info-route.js';
import { partnerMappingView } from './partner-mapping-view.js';
import { authorizePartnerWrite } from './partner-provider.js';
import { readPartnerMappingBody } from './read-partner-mapping-body.js';

/**
 * @example app.register(partnerModelCreateRoute, { kernel });
 */
export const partnerModelCreateRoute: FastifyPluginAsyncTypebox<HubRouteOptions> = async (
  app,
  { kernel },
) => {
  app.post(
    '/api/partners/:provider/models',
    {
      schema: {
        summary: 'Register a model mapping (Hub partner API)',
        description:
          'Only write or admin members of the provider’s organization (e.g. `fal` for `fal-ai`) and gateway ' +
          'admins may register. Registering the same key again (provider, task and model or tag set) updates it.',
        tags: ['partners'],
        security: [{ bearerAuth: [] }],
        params: Type.Object({ provider: Type.String() }),
        response: { 200: PartnerMappingSchema, 201: PartnerMappingSchema, '4xx': HubErrorSchema },
      },
    },
    async (request, reply) => {
      const plugin = await authorizePartnerWrite(kernel, request, request.params.provider);
      const input = readPartnerMappingBody(request.body, plugin);
      const { record, outcome } = await kernel.catalog.upsert(input);
      reply.code(outcome === 'created' ? 201 : 200);
      return partnerMappingView(record);
    },
  );
};
