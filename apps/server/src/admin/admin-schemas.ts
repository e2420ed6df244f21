/** Request and response schemas of the admin API (they appear in /openapi.json). */
import { Type } from '@sinclair/typebox';
import { ORGANIZATION_PLANS, ORGANIZATION_ROLES, TOKEN_PERMISSIONS, USER_TIERS } from '@tollgate/core';
import { stringEnum } from '../routes/string-enum-schema.js';

const Name = (description: string) =>
  Type.String({
    minLength: 1,
    maxLength: 64,
    description: `${description} 1-64 letters, digits, '.', '-', '_'.`,
  });
const Usd = (description: string) =>
  Type.String({ pattern: '^\\d+(\\.\\d+)?$', description: `${description} A decimal string in USD.` });

export const CreateUserBodySchema = Type.Object(
  {
    name: Name('The user name.'),
    tier: Type.Optional(stringEnum(USER_TIERS, { description: 'Default `free`.' })),
    admin: Type.Optional(Type.Boolean({ description: 'A gateway admin; default false.' })),
  },
  { additionalProperties: false },
);

export const CreateOrganizationBodySchema = Type.Object(
  {
    name: Name('The organization name.'),
    plan: Type.Optional(
      stringEnum(ORGANIZATION_PLANS, {
        description: 'Team or Enterprise pays for its members; default none.',
      }),
    ),
    seats: Type.Optional(Type.Integer({ minimum: 1, description: 'Default 1.' })),
    spendingLimitUsd: Type.Optional(
      Type.Union([Usd('The most it may spend pay-as-you-go each month.'), Type.Null()]),
    ),
  },
  { additionalProperties: false },
);

export const SetMemberBodySchema = Type.Object(
  { role: stringEnum(ORGANIZATION_ROLES, { description: '`admin`, `write` or `read`.' }) },
  { additionalProperties: false },
);

export const AddCreditsBodySchema = Type.Object(
  {
    amountUsd: Usd('Prepaid credits to add, more than zero.'),
    grantId: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Idempotence key (e.g. the payment id): the same id adds once.',
    }),
  },
  { additionalProperties: false },
);

export const CreateTokenBodySchema = Type.Object(
  {
    name: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'A label; default `default`.' }),
    ),
    permissions: Type.Optional(
      Type.Array(stringEnum(TOKEN_PERMISSIONS, {}), {
        uniqueItems: true,
        description: 'What it may do; default every permission (`inference.serverless.write`).',
      }),
    ),
  },
  { additionalProperties: false },
);

export const UserSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  admin: Type.Boolean(),
  tier: Type.String(),
  createdAt: Type.String(),
});

export const OrganizationSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  plan: Type.Union([Type.String(), Type.Null()]),
  seats: Type.Integer(),
  spendingLimitUsd: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

export const TokenSchema = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  name: Type.String(),
  displayPrefix: Type.String(),
  permissions: Type.Array(Type.String()),
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

export const IssuedTokenSchema = Type.Object({
  token: TokenSchema,
  value: Type.String({ description: 'The secret, shown this once; only its hash is stored.' }),
});

export const GrantSchema = Type.Object({
  account: Type.Object({ kind: Type.String(), id: Type.String(), name: Type.String() }),
  grant: Type.Object({ id: Type.String(), amountUsd: Type.String(), outcome: Type.String() }),
  prepaidRemainingUsd: Type.String(),
});
