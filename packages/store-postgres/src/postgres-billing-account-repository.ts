/** The billing columns of the users and organizations tables behind the `BillingAccountRepository` interface. */
import {
  type BillingAccountRepository,
  checkOrganizationBillingTerms,
  type OrganizationPlan,
  type UserTier,
} from '@tollgate/core';
import { InputError } from '@tollgate/provider-spec';
import type pg from 'pg';
import { createCallBatcher } from './call-batcher.js';

/**
 * Every hold reads its account's tier, so tier reads made while others are in flight leave together as one
 * `= ANY` query (call-batcher.ts): each is still read after it was asked for, so a changed tier applies at once.
 */
const MAX_TIER_READS_PER_QUERY = 64;
const MAX_TIER_QUERIES_IN_FLIGHT = 2;

interface OrganizationBillingRow {
  readonly id: string;
  readonly plan: OrganizationPlan | null;
  readonly seats: number;
  /** BIGINT arrives as a string. */
  readonly spending_limit_nano_usd: string | null;
}

/**
 * A `BillingAccountRepository` over a migrated PostgreSQL pool; each method is one statement (tier reads may share
 * theirs).
 *
 * @example
 * const billing = createPostgresBillingAccountRepository(pool);
 * await billing.setOrganizationBilling(acme.id, { plan: 'team', seats: 5, spendingLimitNanoUsd: undefined });
 */
export function createPostgresBillingAccountRepository(pool: pg.Pool): BillingAccountRepository {
  const readTiers = async (userIds: readonly string[]): Promise<(UserTier | undefined)[]> => {
    const { rows } = await pool.query<{ id: string; tier: UserTier }>({
      name: 'tollgate-billing-user-tiers',
      text: 'SELECT id, tier FROM users WHERE id = ANY($1::text[])',
      values: [userIds],
    });
    const tiers = new Map(rows.map((row) => [row.id, row.tier]));
    return userIds.map((userId) => tiers.get(userId));
  };
  const readTier = createCallBatcher({
    run: readTiers,
    runOne: async (userId: string) => (await readTiers([userId]))[0],
    maxBatchSize: MAX_TIER_READS_PER_QUERY,
    maxInFlight: MAX_TIER_QUERIES_IN_FLIGHT,
  });
  return {
    async findUser(userId) {
      const tier = await readTier(userId);
      return tier === undefined ? undefined : { userId, tier };
    },
    async setUserTier(userId, tier) {
      const { rowCount } = await pool.query({
        name: 'tollgate-billing-set-user-tier',
        text: 'UPDATE users SET tier = $1 WHERE id = $2',
        values: [tier, userId],
      });
      if (rowCount === 0)
        throw new InputError({ message: `No user has id '${userId}'.`, code: 'user_not_found' });
      return { userId, tier };
    },
    async findOrganization(organizationId) {
      const { rows } = await pool.query<OrganizationBillingRow>({
        name: 'tollgate-billing-organization',
        text: 'SELECT id, plan, seats, spending_limit_nano_usd FROM organizations WHERE id = $1',
        values: [organizationId],
      });
      const row = rows[0];
      if (row === undefined) return undefined;
      return {
        organizationId: row.id,
        plan: row.plan ?? undefined,
        seats: row.seats,
        spendingLimitNanoUsd:
          row.spending_limit_nano_usd === null ? undefined : BigInt(row.spending_limit_nano_usd),
      };
    },
    async setOrganizationBilling(organizationId, terms) {
      checkOrganizationBillingTerms(terms);
      const { rowCount } = await pool.query({
        name: 'tollgate-billing-set-organization',
        text: 'UPDATE organizations SET plan = $1, seats = $2, spending_limit_nano_usd = $3 WHERE id = $4',
        values: [
          terms.plan ?? null,
          terms.seats,
          terms.spendingLimitNanoUsd === undefined ? null : terms.spendingLimitNanoUsd.toString(),
          organizationId,
        ],
      });
      if (rowCount === 0) {
        throw new InputError({
          message: `No organization has id '${organizationId}'.`,
          code: 'organization_not_found',
        });
      }
      return {
        organizationId,
        plan: terms.plan,
        seats: terms.seats,
        spendingLimitNanoUsd: terms.spendingLimitNanoUsd,
      };
    },
  };
}
