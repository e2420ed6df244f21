/**
 * `GET /api/settings/inference-providers/keys` and `PUT`/`DELETE .../keys/{provider}`: the caller's own provider
 * keys, what Hugging Face's settings/inference-providers page keeps ("routed with your own key"). With a key set,
 * the caller's requests to that provider still use their `hf_` token; the gateway calls the provider with their key
 * and the provider bills them, not credits. Keys are stored sealed and never shown again, only their last
 * characters. Each account manages only its own keys; an organization's live under
 * `/api/organizations/{organization}/settings/inference-providers/keys` (members read, admins change) and serve
 * the requests billed to it.
 */
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { type Static, type TObject, Type } from '@sinclair/typebox';
import type { Kernel, ProviderKeySummary } from '@tollgate/core';
import { InputError, RoutingError } from '@tollgate/provider-spec';
import type {
  FastifyInstance,
  FastifyRequest,
  onRequestHookHandler,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import { authenticatedPrincipals } from '../task-api/authenticated-principals.js';
import { OpenAiErrorSchema } from './openai-error-schema.js';
import { organizationFor } from './organization-access-check.js';

type FastifyTypebox = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  // biome-ignore lint/suspicious/noExplicitAny: the logger type of the host app, whatever it is.
  any,
  TypeBoxTypeProvider
>;

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

/** Whose keys a route manages, checked for the request: the caller's own, or an organization's. */
type AccountOf = (request: FastifyRequest, need: 'view' | 'administer') => Promise<{ readonly id: string }>;

/** The three routes under `base`, for the account `accountOf` names. */
function registerKeyRoutes(
  app: FastifyTypebox,
  kernel: Kernel,
  base: string,
  accountOf: AccountOf,
  hooks: { onRequest?: onRequestHookHandler },
  describe: { readonly whose: string; readonly tags: string[]; readonly params?: TObject },
): void {
  const security = [{ bearerAuth: [] }];
  const params = describe.params
    ? Type.Composite([describe.params, ProviderParamsSchema])
    : ProviderParamsSchema;

  app.get(
    base,
    {
      schema: {
        summary: `List ${describe.whose} own provider keys (never the keys themselves)`,
        tags: describe.tags,
        security,
        ...(describe.params ? { params: describe.params } : {}),
        response: { 200: ProviderKeyListSchema, '4xx': OpenAiErrorSchema },
      },
      ...hooks,
    },
    async (request) => {
      const account = await accountOf(request, 'view');
      return { keys: (await kernel.providerKeys.list(account.id)).map(keyDocument) };
    },
  );

  app.put(
    `${base}/:provider`,
    {
      schema: {
        summary: `Set ${describe.whose} own key for a provider`,
        description:
          'Requests routed to this provider are then sent with this key and billed by the provider; no credits ' +
          'are used. Takes effect on this instance at once, on the others within a few seconds.',
        tags: describe.tags,
        security,
        params,
        body: ProviderKeyBodySchema,
        response: { 200: ProviderKeySchema, '4xx': OpenAiErrorSchema },
      },
      ...hooks,
    },
    async (request) => {
      const { provider, key } = {
        ...(request.params as { provider: string }),
        ...(request.body as { key: string }),
      };
      const account = await accountOf(request, 'administer');
      checkKnownProvider(kernel, provider);
      return keyDocument(await kernel.providerKeys.set(account.id, provider, key));
    },
  );

  app.delete(
    `${base}/:provider`,
    {
      schema: {
        summary: `Remove ${describe.whose} own key for a provider`,
        tags: describe.tags,
        security,
        params,
        response: { 204: Type.Null(), '4xx': OpenAiErrorSchema },
      },
      ...hooks,
    },
    async (request, reply) => {
      const { provider } = request.params as { provider: string };
      const account = await accountOf(request, 'administer');
      if (!(await kernel.providerKeys.remove(account.id, provider))) {
        throw new RoutingError({
          message: `There is no key for provider '${provider}'.`,
          status: 404,
          code: 'provider_key_not_found',
          param: 'provider',
        });
      }
      return reply.status(204).send(null);
    },
  );
}

const OrganizationParamsSchema = Type.Object({
  organization: Type.String({ minLength: 1, description: 'The organization name, e.g. `acme`.' }),
});

/**
 * The caller's own keys, and an organization's (read by its members, changed by its admins and gateway admins),
 * which serve the requests billed to it with `X-HF-Bill-To`.
 *
 * @example app.register(providerKeysRoute, { kernel });
 */
export const providerKeysRoute: FastifyPluginAsyncTypebox<ProviderKeysRouteOptions> = async (
  app,
  { kernel },
) => {
  const principals = authenticatedPrincipals(kernel);
  registerKeyRoutes(
    app,
    kernel,
    '/api/settings/inference-providers/keys',
    async (request) => ({ id: principals.of(request).userId }),
    { onRequest: principals.onRequest },
    { whose: 'your', tags: ['settings'] },
  );
  registerKeyRoutes(
    app,
    kernel,
    '/api/organizations/:organization/settings/inference-providers/keys',
    (request, need) =>
      organizationFor(kernel, request, (request.params as { organization: string }).organization, need),
    {},
    { whose: "an organization's", tags: ['organizations', 'settings'], params: OrganizationParamsSchema },
  );
};
