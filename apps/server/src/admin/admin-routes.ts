/**
 * The admin HTTP API under `/admin/v1/`, for gateway admins' tokens: what the operator's CLI does (create users,
 * organizations, memberships, tokens and prepaid credits; list accounts), for a back office to call. JSON bodies
 * are validated by their schemas (400 naming the field); an unknown account is 404, a taken name or a reused
 * grant id 409.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  assertValidOrganizationName,
  assertValidUserName,
  billingPeriodOf,
  coreTokens,
  type Kernel,
  nanoToUsd,
  type Store,
  usdToNano,
} from '@tollgate/core';
import { InputError } from '@tollgate/provider-spec';
import { OpenAiErrorSchema } from '../routes/openai-error-schema.js';
import {
  AddCreditsBodySchema,
  CreateOrganizationBodySchema,
  CreateTokenBodySchema,
  CreateUserBodySchema,
  GrantSchema,
  IssuedTokenSchema,
  OrganizationSchema,
  SetMemberBodySchema,
  TokenSchema,
  UserSchema,
} from './admin-schemas.js';
import { adminStoreError, notFound } from './admin-store-error.js';
import { organizationView, tokenView, userView } from './admin-views.js';
import { authorizeGatewayAdmin } from './authorize-gateway-admin.js';

const errors = { '4xx': OpenAiErrorSchema };
const common = { tags: ['admin'], security: [{ bearerAuth: [] }] };

/** The store's call, with its refusals in the admin API's statuses. */
async function storeCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw adminStoreError(error);
  }
}

async function userNamed(store: Store, name: string) {
  const user = (await store.users.findByName(name)) ?? (await store.users.findById(name));
  if (!user) throw notFound(`No user is named '${name}'.`, 'user_not_found', 'user');
  return user;
}

async function organizationNamed(store: Store, name: string) {
  const organization =
    (await store.organizations.findByName(name)) ?? (await store.organizations.findById(name));
  if (!organization) {
    throw notFound(`No organization is named '${name}'.`, 'organization_not_found', 'organization');
  }
  return organization;
}

/** A user wins a name shared with an organization, as in the CLI; either can be named by id. */
async function accountNamed(store: Store, name: string) {
  const user = (await store.users.findByName(name)) ?? (await store.users.findById(name));
  if (user) return { kind: 'user' as const, id: user.id, name: user.name };
  const organization =
    (await store.organizations.findByName(name)) ?? (await store.organizations.findById(name));
  if (organization) return { kind: 'organization' as const, id: organization.id, name: organization.name };
  throw notFound(`No user or organization is named '${name}'.`, 'account_not_found', 'account');
}

function usdField(value: string, param: string): bigint {
  try {
    return usdToNano(value);
  } catch (error) {
    throw new InputError({
      message: `\`${param}\`: '${value}' is not an amount in USD with at most nine decimals.`,
      param,
      code: 'invalid_amount',
      cause: error,
    });
  }
}

/**
 * @example app.register(adminRoutes, { kernel });
 */
export const adminRoutes: FastifyPluginAsyncTypebox<{ readonly kernel: Kernel }> = async (
  app,
  { kernel },
) => {
  const store = kernel.store;
  app.addHook('onRequest', async (request) => {
    await authorizeGatewayAdmin(kernel, request);
  });

  app.post(
    '/admin/v1/users',
    {
      schema: {
        ...common,
        summary: 'Create a user (tier, admin flag)',
        body: CreateUserBodySchema,
        response: { 201: UserSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { name, tier, admin } = request.body;
      assertValidUserName(name);
      const user = await storeCall(() => store.users.create({ name, isAdmin: admin === true }));
      const billing = await store.billingAccounts.setUserTier(user.id, tier ?? 'free');
      reply.code(201);
      return userView(user, billing);
    },
  );

  app.post(
    '/admin/v1/organizations',
    {
      schema: {
        ...common,
        summary: 'Create an organization (plan, seats, spending limit)',
        body: CreateOrganizationBodySchema,
        response: { 201: OrganizationSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { name, plan, seats, spendingLimitUsd } = request.body;
      assertValidOrganizationName(name);
      const spendingLimitNanoUsd =
        spendingLimitUsd === undefined || spendingLimitUsd === null
          ? undefined
          : usdField(spendingLimitUsd, 'spendingLimitUsd');
      const organization = await storeCall(() => store.organizations.create({ name }));
      const billing = await store.billingAccounts.setOrganizationBilling(organization.id, {
        plan,
        seats: seats ?? 1,
        spendingLimitNanoUsd,
      });
      // A bill-to naming it before it existed is not remembered on this instance.
      kernel.billTo.forget();
      reply.code(201);
      return organizationView(organization, billing);
    },
  );

  app.put(
    '/admin/v1/organizations/:organization/members/:user',
    {
      schema: {
        ...common,
        summary: 'Add a member to an organization, or change its role',
        params: Type.Object({ organization: Type.String(), user: Type.String() }),
        body: SetMemberBodySchema,
        response: {
          200: Type.Object({
            organization: Type.String(),
            user: Type.String(),
            role: Type.String(),
            outcome: Type.String({ description: '`added`, `updated` or `unchanged`.' }),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const organization = await organizationNamed(store, request.params.organization);
      const user = await userNamed(store, request.params.user);
      const { membership, outcome } = await storeCall(() =>
        store.organizations.setMember({
          organizationId: organization.id,
          userId: user.id,
          role: request.body.role,
        }),
      );
      // Bill-to and staging checks on this instance see the change at once.
      kernel.resolve(coreTokens.organizationAccess).forget(user.id);
      return { organization: organization.name, user: user.name, role: membership.role, outcome };
    },
  );

  app.post(
    '/admin/v1/accounts/:account/credits',
    {
      schema: {
        ...common,
        summary: 'Add prepaid credits to a user or an organization',
        description:
          'Idempotent by `grantId`: the same grant again adds nothing (200); the same id with another amount or ' +
          'account is 409.',
        params: Type.Object({ account: Type.String({ description: 'A user or organization name, or id.' }) }),
        body: AddCreditsBodySchema,
        response: { 200: GrantSchema, 201: GrantSchema, ...errors },
      },
    },
    async (request, reply) => {
      const account = await accountNamed(store, request.params.account);
      const amountNanoUsd = usdField(request.body.amountUsd, 'amountUsd');
      if (amountNanoUsd === 0n) {
        throw new InputError({
          message: '`amountUsd` must be more than zero.',
          param: 'amountUsd',
          code: 'invalid_amount',
        });
      }
      const period = billingPeriodOf(new Date());
      const { grantId } = request.body;
      const { outcome, entry } = await store.ledger.grant({
        accountId: account.id,
        period,
        grantId,
        amountNanoUsd,
      });
      if (
        outcome === 'existing' &&
        (entry.accountId !== account.id || entry.amountNanoUsd !== amountNanoUsd)
      ) {
        throw adminStoreError(
          new InputError({
            message: `The grant '${grantId}' was already used, for $${nanoToUsd(entry.amountNanoUsd)}${entry.accountId === account.id ? '' : ' to another account'}; nothing was added.`,
            param: 'grantId',
            code: 'grant_conflict',
          }),
        );
      }
      const balance = await store.ledger.balance(account.id, period);
      reply.code(outcome === 'granted' ? 201 : 200);
      return {
        account,
        grant: { id: grantId, amountUsd: nanoToUsd(entry.amountNanoUsd), outcome },
        prepaidRemainingUsd: nanoToUsd(balance.prepaidGrantedNanoUsd - balance.prepaidUsedNanoUsd),
      };
    },
  );

  app.post(
    '/admin/v1/users/:user/tokens',
    {
      schema: {
        ...common,
        summary: 'Issue an access token for a user (the secret is in this answer only)',
        params: Type.Object({ user: Type.String() }),
        body: CreateTokenBodySchema,
        response: { 201: IssuedTokenSchema, ...errors },
      },
    },
    async (request, reply) => {
      const user = await userNamed(store, request.params.user);
      const { name, permissions } = request.body ?? {};
      const issued = await kernel.tokens.issue(user.id, name ?? 'default', {
        ...(permissions ? { permissions } : {}),
      });
      reply.code(201);
      return { token: tokenView(issued.record), value: issued.token };
    },
  );

  app.get(
    '/admin/v1/users/:user/tokens',
    {
      schema: {
        ...common,
        summary: "List a user's tokens, live and revoked (never their secrets)",
        params: Type.Object({ user: Type.String() }),
        response: { 200: Type.Object({ tokens: Type.Array(TokenSchema) }), ...errors },
      },
    },
    async (request) => {
      const user = await userNamed(store, request.params.user);
      return { tokens: (await store.tokens.listForUser(user.id)).map(tokenView) };
    },
  );

  app.delete(
    '/admin/v1/tokens/:token',
    {
      schema: {
        ...common,
        summary: 'Revoke a token',
        description:
          'At once on this instance; other instances stop accepting it within their token cache (10 s).',
        params: Type.Object({ token: Type.String({ description: 'The token id.' }) }),
        response: { 200: Type.Object({ revoked: Type.String() }), ...errors },
      },
    },
    async (request) => {
      if (!(await store.tokens.revoke(request.params.token))) {
        throw notFound(`No live token has id '${request.params.token}'.`, 'token_not_found', 'token');
      }
      kernel.authenticator.forget();
      return { revoked: request.params.token };
    },
  );

  app.get(
    '/admin/v1/accounts',
    {
      schema: {
        ...common,
        summary: 'List every account: users with their tiers, organizations with their plans',
        response: {
          200: Type.Object({ users: Type.Array(UserSchema), organizations: Type.Array(OrganizationSchema) }),
          ...errors,
        },
      },
    },
    async () => {
      const [users, organizations] = await Promise.all([store.users.list(), store.organizations.list()]);
      return {
        users: await Promise.all(
          users.map(async (user) => userView(user, await store.billingAccounts.findUser(user.id))),
        ),
        organizations: await Promise.all(
          organizations.map(async (organization) =>
            organizationView(organization, await store.billingAccounts.findOrganization(organization.id)),
          ),
        ),
      };
    },
  );
};
