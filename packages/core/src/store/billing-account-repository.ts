/**
 * The billing terms of users and organizations: a user's tier, an organization's plan, seats and spending limit.
 * Kept apart from `UserRecord` and `OrganizationRecord` because only billing reads them.
 *
 * The contract, point by point (checked by `runStoreConformance`):
 *
 * - A user is on `free` until set otherwise; an organization has no plan, one seat and no spending limit until set.
 * - Setting terms for an unknown user or organization raises `InputError` code `user_not_found` or
 *   `organization_not_found` and writes nothing. Seats are a positive integer and a spending limit is non-negative
 *   (`InputError` code `invalid_seats` or `invalid_spending_limit` otherwise); callers validate first, the store
 *   refuses anyway.
 * - `find...` of an unknown id returns undefined.
 */

import type { OrganizationPlan, UserTier } from '../billing/billing-tiers.js';
import type { NanoUsd } from '../pricing/nano-usd.js';

export interface UserBillingRecord {
  readonly userId: string;
  readonly tier: UserTier;
}

export interface OrganizationBillingRecord {
  readonly organizationId: string;
  /** Undefined for an organization without a Team or Enterprise subscription. */
  readonly plan: OrganizationPlan | undefined;
  readonly seats: number;
  /** The most it may spend pay-as-you-go in a billing period; undefined for no limit. */
  readonly spendingLimitNanoUsd: NanoUsd | undefined;
}

export interface BillingAccountRepository {
  findUser(userId: string): Promise<UserBillingRecord | undefined>;
  setUserTier(userId: string, tier: UserTier): Promise<UserBillingRecord>;
  findOrganization(organizationId: string): Promise<OrganizationBillingRecord | undefined>;
  setOrganizationBilling(
    organizationId: string,
    terms: {
      readonly plan: OrganizationPlan | undefined;
      readonly seats: number;
      readonly spendingLimitNanoUsd: NanoUsd | undefined;
    },
  ): Promise<OrganizationBillingRecord>;
}
