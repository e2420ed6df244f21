/**
 * `PUT /api/partners/{provider}/models/{_id}/status` with `{"status": "live" | "staging"}`: a provider moves its
 * mapping between staging and live. The mapping becomes the provider's (origin `partner`), so that start-up
 * seeding does not put a built-in or configured mapping's old status back.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { CatalogMappingInput, CatalogMappingRecord } from '@tollgate/core';
import { InputError } from '@tollgate/provider-spec';
import { HubErrorSchema, PartnerMappingSchema } from './hub-schemas.js';
import type { HubRouteOptions } from './model-info-route.js';
import { partnerMappingRecord } from './partner-mapping-record.js';
import { partnerMappingView } from './partner-mapping-view.js';
import { authorizePartnerWrite } from './partner-provider.js';

function readStatus(body: unknown): 'live' | 'staging' {
  const status = (body as { status?: unknown } | null)?.status;
  if (status === 'live' || status === 'staging') return status;
  throw new InputError({
    message: `\`status\`: required, 'live' or 'staging', not ${JSON.stringify(status)}.`,
    param: 'status',
    code: 'invalid_status',
  });
}

/** The record as an upsert input: same key, same fields. */
function inputOf(record: CatalogMappingRecord): CatalogMappingInput {
  const { id: _id, createdAt: _created, updatedAt: _updated, ...fields } = record;
  return fields;
}

/**
 * @example app.register(partnerModelStatusRoute, { kernel });
 */
export const partnerModelStatusRoute: FastifyPluginAsyncTypebox<HubRouteOptions> = async (
  app,
  { kernel },
) => {
  app.put(
    '/api/partners/:provider/models/:id/status',
    {
      schema: {
        summary: "Set a mapping's status (Hub partner API)",
        tags: ['partners'],
        security: [{ bearerAuth: [] }],
        params: Type.Object({ provider: Type.String(), id: Type.String() }),
        response: { 200: PartnerMappingSchema, '4xx': HubErrorSchema },
      },
    },
    async (request) => {
      const plugin = await authorizePartnerWrite(kernel, request, request.params.provider);
      const status = readStatus(request.body);
      const record = await partnerMappingRecord(kernel, plugin.id, request.params.id);
      const { record: updated } = await kernel.catalog.upsert({
        ...inputOf(record),
        status,
        origin: 'partner',
      });
      return partnerMappingView(updated);
    },
  );
};
