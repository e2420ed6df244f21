/** What the admin API shows of users, organizations and tokens: money as decimal strings, never the token hash. */
import {
  nanoToUsd,
  type OrganizationBillingRecord,
  type OrganizationRecord,
  type TokenRecord,
  type UserBillingRecord,
  type UserRecord,
} from '@tollgate/core';

export function userView(user: UserRecord, billing: UserBillingRecord | undefined) {
  return {
    id: user.id,
    name: user.name,
    admin: user.isAdmin,
    tier: billing?.tier ?? 'free',
    createdAt: user.createdAt,
  };
}

export function organizationView(
  organization: OrganizationRecord,
  billing: OrganizationBillingRecord | undefined,
) {
  const limit = billing?.spendingLimitNanoUsd;
  return {
    id: organization.id,
    name: organization.name,
    plan: billing?.plan ?? null,
    seats: billing?.seats ?? 1,
    spendingLimitUsd: limit === undefined ? null : nanoToUsd(limit),
    createdAt: organization.createdAt,
  };
}

export function tokenView({ secretHash: _hash, ...shown }: TokenRecord) {
  return { ...shown, permissions: [...shown.permissions] };
}
