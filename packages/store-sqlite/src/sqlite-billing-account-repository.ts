/** The billing columns of the users and organizations tables behind the `BillingAccountRepository` interface. */
import {
  type BillingAccountRepository,
  checkOrganizationBillingTerms,
  type OrganizationBillingRecord,
  type OrganizationPlan,
  type UserTier,
} from '@tollgate/core';
import { InputError } from '@tollgate/provider-spec';
import type Database from 'better-sqlite3';
import { prepareOnce } from './prepare-once.js';
import { createTurnBatchedReader } from './turn-batched-writer.js';

interface OrganizationBillingRow {
  readonly id: string;
  readonly plan: OrganizationPlan | null;
  readonly seats: bigint;
  readonly spending_limit_nano_usd: bigint | null;
}

/**
 * A `BillingAccountRepository` over a migrated SQLite connection. Money columns are read as bigint.
 *
 * @example
 * const billing = createSqliteBillingAccountRepository(database);
 * await billing.setUserTier(alice.id, 'pro');
 */
export function createSqliteBillingAccountRepository(database: Database.Database): BillingAccountRepository {
  // Every hold reads a tier: the statement plucks from its compilation on, not by a mode switch on every read.
  const selectUserTier = prepareOnce<[string], UserTier>(
    database,
    'SELECT tier FROM users WHERE id = ?',
    (statement) => statement.pluck(),
  );
  const updateUserTier = prepareOnce<[string, string], unknown>(
    database,
    'UPDATE users SET tier = ? WHERE id = ?',
  );
  const selectOrganization = prepareOnce<[string], OrganizationBillingRow>(
    database,
    'SELECT id, plan, seats, spending_limit_nano_usd FROM organizations WHERE id = ?',
  );
  const updateOrganization = prepareOnce<[string | null, number, bigint | null, string], unknown>(
    database,
    'UPDATE organizations SET plan = ?, seats = ?, spending_limit_nano_usd = ? WHERE id = ?',
  );

  const findOrganization = (organizationId: string): OrganizationBillingRecord | undefined => {
    const row = selectOrganization().safeIntegers(true).get(organizationId);
    return row === undefined ? undefined : toOrganizationBillingRecord(row);
  };
  // Every hold reads its account's terms: in the turn's transaction, not a read transaction of its own each.
  const readTier = createTurnBatchedReader(database, (userId: string) => selectUserTier().get(userId));
  const readOrganization = createTurnBatchedReader(database, findOrganization);

  return {
    async findUser(userId) {
      const tier = await readTier(userId);
      return tier === undefined ? undefined : { userId, tier };
    },
    async setUserTier(userId, tier) {
      if (updateUserTier().run(tier, userId).changes === 0) {
        throw new InputError({ message: `No user has id '${userId}'.`, code: 'user_not_found' });
      }
      return { userId, tier };
    },
    async findOrganization(organizationId) {
      return readOrganization(organizationId);
    },
    async setOrganizationBilling(organizationId, terms) {
      checkOrganizationBillingTerms(terms);
      const changes = updateOrganization().run(
        terms.plan ?? null,
        terms.seats,
        terms.spendingLimitNanoUsd ?? null,
        organizationId,
      ).changes;
      if (changes === 0) {
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

function toOrganizationBillingRecord(row: OrganizationBillingRow): OrganizationBillingRecord {
  return {
    organizationId: row.id,
    plan: row.plan ?? undefined,
    seats: Number(row.seats),
    spendingLimitNanoUsd: row.spending_limit_nano_usd ?? undefined,
  };
}
