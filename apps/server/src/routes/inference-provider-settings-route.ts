/**
 * `GET` and `PUT /api/settings/inference-providers`: the calling account's routing settings, what Hugging Face
 * keeps behind its settings/inference-providers page (which has no public API): the policy for a model named
 * without a suffix, the provider order `:preferred` follows, and the providers never to route to. Authenticated by
 * the account's own `hf_` token; every account sees and changes only its own settings.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from '@sinclair/typebox';
import {
  DEFAULT_INFERENCE_PROVIDER_SETTINGS,
  type InferenceProviderSettings,
  type Kernel,
  ROUTING_POLICIES,
  settingsAccountOf,
} from '@tollgate/core';
import { InputError } from '@tollgate/provider-spec';
import { authenticatedPrincipals } from '../task-api/authenticated-principals.js';
import { OpenAiErrorSchema } from './openai-error-schema.js';
import { stringEnum } from './string-enum-schema.js';

const PolicySchema = stringEnum(ROUTING_POLICIES, {
  description: 'The policy for a model named without a suffix (`fastest`, Hugging Face’s default).',
});
const ProviderIds = (description: string) =>
  Type.Array(Type.String({ minLength: 1, description: 'A provider id, e.g. `groq`.' }), { description });

export const InferenceProviderSettingsBodySchema = Type.Object(
  {
    defaultPolicy: Type.Optional(PolicySchema),
    providerOrder: Type.Optional(ProviderIds('Most preferred first, for `:preferred`; default none.')),
    disabledProviders: Type.Optional(ProviderIds('Never routed to, not even when named; default none.')),
  },
  {
    additionalProperties: false,
    description: 'The whole settings document: a field left out takes its default.',
  },
);
type InferenceProviderSettingsBody = Static<typeof InferenceProviderSettingsBodySchema>;

export const InferenceProviderSettingsSchema = Type.Object({
  defaultPolicy: PolicySchema,
  providerOrder: Type.Array(Type.String()),
  disabledProviders: Type.Array(Type.String()),
  updatedAt: Type.Union([Type.String({ description: 'ISO-8601 UTC.' }), Type.Null()], {
    description: 'When the settings were last saved; null while the account uses the defaults.',
  }),
  providers: Type.Array(Type.Object({ provider: Type.String(), enabled: Type.Boolean() }), {
    description:
      "This gateway's providers in the account's order of preference, with whether each is enabled.",
  }),
});

export interface InferenceProviderSettingsRouteOptions {
  readonly kernel: Kernel;
}

/** The settings document, with the gateway's providers in the order `:preferred` tries them. */
export function settingsDocument(
  kernel: Kernel,
  settings: InferenceProviderSettings,
  updatedAt: string | null,
): Static<typeof InferenceProviderSettingsSchema> {
  const known = kernel.registry.list().map(({ plugin }) => plugin.id);
  const ordered = [
    ...settings.providerOrder.filter((id) => known.includes(id)),
    ...known.filter((id) => !settings.providerOrder.includes(id)),
  ];
  return {
    defaultPolicy: settings.defaultPolicy,
    providerOrder: [...settings.providerOrder],
    disabledProviders: [...settings.disabledProviders],
    updatedAt,
    providers: ordered.map((provider) => ({
      provider,
      enabled: !settings.disabledProviders.includes(provider),
    })),
  };
}

/** A provider this gateway does not have is a typo more often than a plan; say so instead of storing it. */
export function checkKnownProviders(kernel: Kernel, body: InferenceProviderSettingsBody): void {
  for (const field of ['providerOrder', 'disabledProviders'] as const) {
    for (const [index, id] of (body[field] ?? []).entries()) {
      if (!kernel.registry.has(id)) {
        const known = kernel.registry.list().map(({ plugin }) => plugin.id);
        throw new InputError({
          message: `\`${field}[${index}]\`: '${id}' is not a provider of this gateway (it has: ${known.join(', ')}).`,
          param: `${field}.${index}`,
          code: 'unknown_provider',
        });
      }
    }
  }
}

/**
 * @example app.register(inferenceProviderSettingsRoute, { kernel });
 */
export const inferenceProviderSettingsRoute: FastifyPluginAsyncTypebox<
  InferenceProviderSettingsRouteOptions
> = async (app, { kernel }) => {
  const principals = authenticatedPrincipals(kernel);
  const route = '/api/settings/inference-providers';

  app.get(
    route,
    {
      schema: {
        summary: "Read the account's inference provider settings",
        tags: ['settings'],
        security: [{ bearerAuth: [] }],
        response: { 200: InferenceProviderSettingsSchema, '4xx': OpenAiErrorSchema },
      },
      onRequest: principals.onRequest,
    },
    async (request) => {
      const accountId = settingsAccountOf(principals.of(request));
      const record = await kernel.inferenceProviderSettings.find(accountId);
      return settingsDocument(
        kernel,
        record ?? DEFAULT_INFERENCE_PROVIDER_SETTINGS,
        record?.updatedAt ?? null,
      );
    },
  );

  app.put(
    route,
    {
      schema: {
        summary: "Replace the account's inference provider settings",
        description:
          'Takes effect on this gateway instance at once, and on the others within a few seconds. A provider ' +
          'listed in `disabledProviders` is never chosen: automatic policies skip it, and naming it ' +
          '(`model:provider`) is refused with 403.',
        tags: ['settings'],
        security: [{ bearerAuth: [] }],
        body: InferenceProviderSettingsBodySchema,
        response: { 200: InferenceProviderSettingsSchema, '4xx': OpenAiErrorSchema },
      },
      onRequest: principals.onRequest,
    },
    async (request) => {
      const accountId = settingsAccountOf(principals.of(request));
      checkKnownProviders(kernel, request.body);
      const record = await kernel.inferenceProviderSettings.save(accountId, {
        ...DEFAULT_INFERENCE_PROVIDER_SETTINGS,
        ...request.body,
      });
      return settingsDocument(kernel, record, record.updatedAt);
    },
  );
};
