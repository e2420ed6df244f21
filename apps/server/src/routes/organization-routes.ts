/**
 * An organization's own controls, for the organization's admins (and gateway admins): its spending limit, what it
 * has spent this month, and its inference provider settings, which route every request billed to it
 * (`X-HF-Bill-To`). Members may read them.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from '@sinclair/typebox';
import {
  billingPeriodOf,
  DEFAULT_INFERENCE_PROVIDER_SETTINGS,
  type Kernel,
  type NanoUsd,
  nanoToUsd,
  type OrganizationRecord,
  usdToNano,
} from '@tollgate/core';
import { InputError } from '@tollgate/provider-spec';
import {
  checkKnownProviders,
  InferenceProviderSettingsBodySchema,
  InferenceProviderSettingsSchema,
  settingsDocument,
} from './inference-provider-settings-route.js';
import { OpenAiErrorSchema } from './openai-error-schema.js';
import { organizationFor } from './organization-access-check.js';

const UsdSchema = (description: string) =>
  Type.String({ pattern: '^\\d+(\\.\\d+)?$', description: `${description} A decimal string in USD.` });

const Params = Type.Object({
  organization: Type.String({ minLength: 1, description: 'The organization name, e.g. `acme`.' }),
});

export const OrganizationBillingBodySchema = Type.Object(
  {
    spendingLimitUsd: Type.Union(
      [UsdSchema('The most it may spend pay-as-you-go each month.'), Type.Null()],
      {
        description: 'null for no limit. `"0"` stops it at its included and pre-paid credits.',
      },
    ),
  },
  { additionalProperties: false },
);

const OrganizationBillingSchema = Type.Object({
  organization: Type.String(),
  plan: Type.Union([Type.String(), Type.Null()], { description: '`team`, `enterprise`, or null.' }),
  seats: Type.Integer(),
  spendingLimitUsd: Type.Union([Type.String(), Type.Null()]),
  period: Type.String({ description: 'The current billing period, `YYYY-MM` (UTC).' }),
  includedUsd: Type.String({ description: "This period's pooled included credits, as last recorded." }),
  includedUsedUsd: Type.String(),
  payAsYouGoUsedUsd: Type.String(),
  prepaidRemainingUsd: Type.String(),
  heldUsd: Type.String({ description: 'Reserved by requests in flight.' }),
});
type OrganizationBilling = Static<typeof OrganizationBillingSchema>;

async function billingDocument(
  kernel: Kernel,
  organization: OrganizationRecord,
): Promise<OrganizationBilling> {
  const store = kernel.store;
  const terms = await store.billingAccounts.findOrganization(organization.id);
  const period = billingPeriodOf(new Date());
  const balance = await store.ledger.balance(organization.id, period);
  return {
    organization: organization.name,
    plan: terms?.plan ?? null,
    seats: terms?.seats ?? 1,
    spendingLimitUsd:
      terms?.spendingLimitNanoUsd === undefined ? null : nanoToUsd(terms.spendingLimitNanoUsd),
    period,
    includedUsd: nanoToUsd(balance.includedNanoUsd),
    includedUsedUsd: nanoToUsd(balance.includedUsedNanoUsd),
    payAsYouGoUsedUsd: nanoToUsd(balance.payAsYouGoUsedNanoUsd),
    prepaidRemainingUsd: nanoToUsd(balance.prepaidGrantedNanoUsd - balance.prepaidUsedNanoUsd),
    heldUsd: nanoToUsd(balance.heldNanoUsd),
  };
}

function spendingLimitOf(value: string | null): NanoUsd | undefined {
  if (value === null) return undefined;
  try {
    return usdToNano(value);
  } catch (error) {
    throw new InputError({
      message: `\`spendingLimitUsd\`: '${value}' is not an amount in USD with at most nine decimals.`,
      param: 'spendingLimitUsd',
      code: 'invalid_spending_limit',
      cause: error,
    });
  }
}

/**
 * @example app.register(organizationRoutes, { kernel });
 */
export const organizationRoutes: FastifyPluginAsyncTypebox<{ readonly kernel: Kernel }> = async (
  app,
  { kernel },
) => {
  const billing = '/api/organizations/:organization/billing';
  const settings = '/api/organizations/:organization/settings/inference-providers';
  const errors = { '4xx': OpenAiErrorSchema };

  app.get(
    billing,
    {
      schema: {
        summary: "Read an organization's billing: plan, seats, spending limit and this month's spending",
        tags: ['organizations'],
        security: [{ bearerAuth: [] }],
        params: Params,
        response: { 200: OrganizationBillingSchema, ...errors },
      },
    },
    async (request) => {
      const organization = await organizationFor(kernel, request, request.params.organization, 'view');
      return billingDocument(kernel, organization);
    },
  );

  app.put(
    billing,
    {
      schema: {
        summary: "Set an organization's spending limit",
        description:
          'For admins of the organization and gateway admins. Requests billed to it (`X-HF-Bill-To`) spend its ' +
          'pooled included credits, then pre-paid credits, then pay-as-you-go up to this limit; past it they ' +
          'get 402. Takes effect with the next request.',
        tags: ['organizations'],
        security: [{ bearerAuth: [] }],
        params: Params,
        body: OrganizationBillingBodySchema,
        response: { 200: OrganizationBillingSchema, ...errors },
      },
    },
    async (request) => {
      const organization = await organizationFor(kernel, request, request.params.organization, 'administer');
      const spendingLimitNanoUsd = spendingLimitOf(request.body.spendingLimitUsd);
      const terms = await kernel.store.billingAccounts.findOrganization(organization.id);
      await kernel.store.billingAccounts.setOrganizationBilling(organization.id, {
        plan: terms?.plan,
        seats: terms?.seats ?? 1,
        spendingLimitNanoUsd,
      });
      return billingDocument(kernel, organization);
    },
  );

  app.get(
    settings,
    {
      schema: {
        summary: "Read the inference provider settings of an organization's billed requests",
        tags: ['organizations', 'settings'],
        security: [{ bearerAuth: [] }],
        params: Params,
        response: { 200: InferenceProviderSettingsSchema, ...errors },
      },
    },
    async (request) => {
      const organization = await organizationFor(kernel, request, request.params.organization, 'view');
      const record = await kernel.inferenceProviderSettings.find(organization.id);
      return settingsDocument(
        kernel,
        record ?? DEFAULT_INFERENCE_PROVIDER_SETTINGS,
        record?.updatedAt ?? null,
      );
    },
  );

  app.put(
    settings,
    {
      schema: {
        summary: "Replace the inference provider settings of an organization's billed requests",
        description:
          'For admins of the organization and gateway admins. Every request billed to the organization ' +
          '(`X-HF-Bill-To`) routes with these settings instead of the member’s own: a disabled provider is ' +
          'never chosen, and naming it is refused with 403.',
        tags: ['organizations', 'settings'],
        security: [{ bearerAuth: [] }],
        params: Params,
        body: InferenceProviderSettingsBodySchema,
        response: { 200: InferenceProviderSettingsSchema, ...errors },
      },
    },
    async (request) => {
      const organization = await organizationFor(kernel, request, request.params.organization, 'administer');
      checkKnownProviders(kernel, request.body);
      const record = await kernel.inferenceProviderSettings.save(organization.id, {
        ...DEFAULT_INFERENCE_PROVIDER_SETTINGS,
        ...request.body,
      });
      return settingsDocument(kernel, record, record.updatedAt);
    },
  );
};
