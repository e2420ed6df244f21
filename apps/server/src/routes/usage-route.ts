/**
 * `GET /api/usage`: where the calling account's money went in one billing period: included, prepaid and
 * pay-as-you-go positions from the ledger, and breakdowns by model, provider, day and (for an organization's
 * admins) member from the request records, as JSON or as one CSV line per request. Authenticated by the account's
 * own `hf_` token; `org=NAME` shows an organization the caller is a member of.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import {
  billingPeriodOf,
  isBillingPeriod,
  type Kernel,
  UsageSummaryService,
  usageRecordsCsv,
  usageSummaryDocument,
} from '@tollgate/core';
import { AuthError, InputError, RoutingError } from '@tollgate/provider-spec';
import { authenticatedPrincipals } from '../task-api/authenticated-principals.js';
import { OpenAiErrorSchema } from './openai-error-schema.js';

const Money = Type.Object(
  {
    nanoUsd: Type.String({ description: 'Integer nano-USD (1e-9 USD), exact.' }),
    usd: Type.String({ description: 'The same amount in USD, as a decimal.' }),
  },
  { description: 'An amount of money.' },
);
const Row = Type.Object({
  key: Type.String(),
  name: Type.Optional(Type.String()),
  requests: Type.Integer(),
  failedRequests: Type.Integer(),
  inputTokens: Type.Integer(),
  outputTokens: Type.Integer(),
  cost: Money,
  charged: Money,
});
const Rows = (description: string) => Type.Array(Row, { description });
const Position = (extra: Record<string, TSchema> = {}) =>
  Type.Object({ granted: Money, used: Money, left: Money, ...extra });

export const UsageSummarySchema = Type.Object({
  account: Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: Type.Union([Type.Literal('user'), Type.Literal('organization')]),
  }),
  period: Type.String({ description: 'The UTC month, `YYYY-MM`.' }),
  from: Type.String(),
  to: Type.String(),
  included: Position(),
  prepaid: Position({ usedThisPeriod: Money }),
  payAsYouGo: Type.Object({ limit: Type.Union([Money, Type.Null()]), spent: Money }),
  held: Money,
  charged: Money,
  cost: Money,
  requests: Type.Integer(),
  failedRequests: Type.Integer(),
  byModel: Rows('By Hub model, most charged first.'),
  byProvider: Rows('By provider, most charged first.'),
  byDay: Rows('By UTC day, in order.'),
  byMember: Type.Union([Rows('By member user id (organizations: admins only).'), Type.Null()]),
  reconciliation: Type.Object(
    {
      agrees: Type.Boolean(),
      ledgerCharged: Money,
      recordedCharged: Money,
      unrecorded: Money,
      mismatchedRequestIds: Type.Array(Type.String()),
    },
    { description: "Whether the request records' charges agree with the ledger's settlements." },
  ),
});

const UsageQuerySchema = Type.Object(
  {
    period: Type.Optional(Type.String({ description: 'The UTC month, `YYYY-MM`; default the current one.' })),
    org: Type.Optional(
      Type.String({ minLength: 1, description: 'An organization the caller is a member of.' }),
    ),
    format: Type.Optional(
      Type.Union([Type.Literal('json'), Type.Literal('csv')], {
        description: '`csv`: one line per request of the period (`text/csv`).',
      }),
    ),
  },
  { additionalProperties: false },
);

export interface UsageRouteOptions {
  readonly kernel: Kernel;
}

/**
 * @example app.register(usageRoute, { kernel });
 */
export const usageRoute: FastifyPluginAsyncTypebox<UsageRouteOptions> = async (app, { kernel }) => {
  const principals = authenticatedPrincipals(kernel);
  const { store } = kernel;
  const usage = new UsageSummaryService({ ledger: store.ledger, requests: store.requests });

  app.get(
    '/api/usage',
    {
      schema: {
        summary: "The account's usage and credits in one billing period",
        description:
          'Money positions and totals are the ledger’s; breakdowns come from per-request records, each charged ' +
          'as the ledger settled it, so they add up to `charged`. `format=csv` exports the requests.',
        tags: ['billing'],
        security: [{ bearerAuth: [] }],
        querystring: UsageQuerySchema,
        response: {
          200: Type.Union([UsageSummarySchema, Type.String({ description: 'text/csv' })]),
          '4xx': OpenAiErrorSchema,
        },
      },
      onRequest: principals.onRequest,
    },
    async (request, reply) => {
      const principal = principals.of(request);
      const period = request.query.period ?? billingPeriodOf(new Date());
      if (!isBillingPeriod(period)) {
        throw new InputError({
          message: `\`period\` must be a UTC month such as ${billingPeriodOf(new Date())}; got '${period}'.`,
          param: 'period',
          code: 'invalid_period',
        });
      }
      let account: { id: string; name: string; kind: 'user' | 'organization' } = {
        id: principal.userId,
        name: principal.userName,
        kind: 'user',
      };
      let showMembers = true;
      const memberNames = new Map([[principal.userId, principal.userName]]);
      if (request.query.org !== undefined) {
        const organization = await store.organizations.findByName(request.query.org);
        if (!organization) {
          throw new RoutingError({
            message: `Organization '${request.query.org}' does not exist.`,
            status: 404,
            code: 'unknown_organization',
            param: 'org',
          });
        }
        const members = await store.organizations.listMembers(organization.id);
        const own = members.find((member) => member.user.id === principal.userId);
        if (!own) {
          throw new AuthError({
            message: `You are not a member of the organization '${organization.name}'.`,
            status: 403,
          });
        }
        account = { id: organization.id, name: organization.name, kind: 'organization' };
        // Who spent what is for the organization's admins; other members see the totals.
        showMembers = own.membership.role === 'admin';
        for (const member of members) memberNames.set(member.user.id, member.user.name);
      }
      const summary = await usage.summarize(account.id, period);
      if (request.query.format === 'csv') {
        if (!showMembers) {
          throw new AuthError({
            message: `Only admins of '${account.name}' may export its requests.`,
            status: 403,
          });
        }
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="usage-${account.name}-${period}.csv"`)
          .send(usageRecordsCsv(summary.records));
      }
      // The document's arrays are readonly; the schema's type says mutable.
      return usageSummaryDocument(summary, { account, memberNames, showMembers }) as unknown as Static<
        typeof UsageSummarySchema
      >;
    },
  );
};
