/**
 * `GET /api/settings/inference-providers/keys` and `PUT`/`DELETE .../keys/{provider}`: the caller's own provider
 * keys, what Hugging Face's settings/inference-providers page keeps ("routed with your own key"). With a key set,
 * the caller's requests to that provider still use their `hf_` token; the gateway calls the provider with their key
 * and the provider bills them, not credits. Keys are stored sealed and never shown again, only their last
 * characters. Authenticated by the account's own token; each account manages only its own keys.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from '@sinclair/typebox';
import type { Kernel, ProviderKeySummary } from '@tollgate/core';
import { InputError, RoutingError } from '@tollgate/provider-spec';
import { authenticatedPrincipals } from '../task-api/authenticated-principals.js';
import { OpenAiErrorSchema } from './openai-error-schema.js';

const ProviderKeySchema = Type.Object({
  provider: Type.String({ description: 'The provider id, e.g. `groq`.' }),
  suffix: Type.String({ description: 'The last 4 characters of the key (empty for a short key).' }),
  createdAt: Type.String({ description: 'ISO-8601 UTC.' }),
  updatedAt: Type.String({ description: 'ISO-8601 UTC.' }),
});

const ProviderKeyListSchema = Type.Object({ keys: Type.Array(ProviderKeySchema) });

const ProviderKeyBodySchema = Type.Object(
  { key: Type.String({ minLength: 1, description: "The provider's API key." }) },
  { additionalProperties: false },
);

const ProviderParamsSchema = Type.Object({ provider: Type.String({ minLength: 1 }) });

function keyDocument(summary: ProviderKeySummary): Static<typeof ProviderKeySchema> {
  return {
    provider: summary.providerId,
    suffix: summary.displaySuffix,
    createdAt: summary.createdAt,
    updatedAt: summary.updatedAt,
  };
}

/** A key for a provider this gateway does not have could never be used: refuse it, naming the known ones. */
function checkKnownProvider(kernel: Kernel, providerId: string): void {
  if (kernel.registry.has(providerId)) return;
  const known = kernel.registry.list().map(({ plugin }) => plugin.id);
  throw new InputError({
    message: `'${providerId}' is not a provider of this gateway (it has: ${known.join(', ')}).`,
    param: 'provider',
    code: 'unknown_provider',
  });
}

export interface ProviderKeysRouteOptions {
  readonly kernel: Kernel;
}

/**
 * @example app.register(providerKeysRoute, { kernel });
 */
export const providerKeysRoute: FastifyPluginAsyncTypebox<ProviderKeysRouteOptions> = async (
  app,
  { kernel },
) => {
  const principals = authenticatedPrincipals(kernel);
  const base = '/api/settings/inference-providers/keys';
  const security = [{ bearerAuth: [] }];

  app.get(
    base,
    {
      schema: {
        summary: 'List your own provider keys (never the keys themselves)',
        tags: ['settings'],
        security,
        response: { 200: ProviderKeyListSchema, '4xx': OpenAiErrorSchema },
      },
      onRequest: principals.onRequest,
    },
    async (request) => {
      const keys = await kernel.providerKeys.list(principals.of(request).userId);
      return { keys: keys.map(keyDocument) };
    },
  );

  app.put(
    `${base}/:provider`,
    {
      schema: {
        summary: 'Set your own key for a provider',
        description:
          'Your requests routed to this provider are then sent with your key and billed by the provider; no ' +
          'credits are used. Takes effect on this instance at once, on the others within a few seconds.',
        tags: ['settings'],
        security,
        params: ProviderParamsSchema,
        body: ProviderKeyBodySchema,
        response: { 200: ProviderKeySchema, '4xx': OpenAiErrorSchema },
      },
      onRequest: principals.onRequest,
    },
    async (request) => {
      const { provider } = request.params;
      checkKnownProvider(kernel, provider);
      return keyDocument(
        await kernel.providerKeys.set(principals.of(request).userId, provider, request.body.key),
      );
    },
  );

  app.delete(
    `${base}/:provider`,
    {
      schema: {
        summary: 'Remove your own key for a provider',
        tags: ['settings'],
        security,
        params: ProviderParamsSchema,
        response: { 204: Type.Null(), '4xx': OpenAiErrorSchema },
      },
      onRequest: principals.onRequest,
    },
    async (request, reply) => {
      const { provider } = request.params;
      const removed = await kernel.providerKeys.remove(principals.of(request).userId, provider);
      if (!removed) {
        throw new RoutingError({
          message: `You have no key for provider '${provider}'.`,
          status: 404,
          code: 'provider_key_not_found',
          param: 'provider',
        });
      }
      return reply.status(204).send(null);
    },
  );
};
