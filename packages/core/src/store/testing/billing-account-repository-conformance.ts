/** Conformance scenarios for `Store#billingAccounts`. */
import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import type { CurrentStore } from './store-conformance-fixtures.js';

const unknownId = '00000000-0000-4000-8000-000000000000';

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** Registers the billing account scenarios against the store `current()` returns. */
export function describeBillingAccountRepositoryConformance(current: CurrentStore): void {
  const billing = () => current().billingAccounts;

  describe('billing accounts', () => {
    it('puts a new user on the free tier, and keeps the tier it is set to', async () => {
      const alice = await current().users.create({ name: 'alice' });
      const bob = await current().users.create({ name: 'bob' });

      expect(await billing().findUser(alice.id)).toEqual({ userId: alice.id, tier: 'free' });
      expect(await billing().setUserTier(alice.id, 'pro')).toEqual({ userId: alice.id, tier: 'pro' });
      expect(await billing().findUser(alice.id)).toEqual({ userId: alice.id, tier: 'pro' });
      expect(await billing().findUser(bob.id)).toEqual({ userId: bob.id, tier: 'free' });
      expect(await billing().setUserTier(alice.id, 'free')).toEqual({ userId: alice.id, tier: 'free' });
      expect(await current().users.findById(alice.id)).toEqual(alice);
    });

    it('gives a new organization no plan, one seat and no spending limit', async () => {
      const acme = await current().organizations.create({ name: 'acme' });

      expect(await billing().findOrganization(acme.id)).toEqual({
        organizationId: acme.id,
        plan: undefined,
        seats: 1,
        spendingLimitNanoUsd: undefined,
      });
    });

    it("sets an organization's plan, seats and spending limit, and clears the limit and plan again", async () => {
      const acme = await current().organizations.create({ name: 'acme' });
      const other = await current().organizations.create({ name: 'other' });

      const enterprise = await billing().setOrganizationBilling(acme.id, {
        plan: 'enterprise',
        seats: 25,
        spendingLimitNanoUsd: 123_456_789_012n,
      });

      expect(enterprise).toEqual({
        organizationId: acme.id,
        plan: 'enterprise',
        seats: 25,
        spendingLimitNanoUsd: 123_456_789_012n,
      });
      expect(await billing().findOrganization(acme.id)).toEqual(enterprise);
      expect((await billing().findOrganization(other.id))?.plan).toBeUndefined();
      const team = { organizationId: acme.id, plan: 'team', seats: 3, spendingLimitNanoUsd: undefined };
      expect(
        await billing().setOrganizationBilling(acme.id, {
          plan: 'team',
          seats: 3,
          spendingLimitNanoUsd: undefined,
        }),
      ).toEqual(team);
      expect(await billing().findOrganization(acme.id)).toEqual(team);
      await billing().setOrganizationBilling(acme.id, {
        plan: undefined,
        seats: 3,
        spendingLimitNanoUsd: 0n,
      });
      expect(await billing().findOrganization(acme.id)).toEqual({
        ...team,
        plan: undefined,
        spendingLimitNanoUsd: 0n,
      });
      expect(await current().organizations.findById(acme.id)).toEqual(acme);
    });

    it('finds nothing for unknown ids', async () => {
      expect(await billing().findUser(unknownId)).toBeUndefined();
      expect(await billing().findOrganization(unknownId)).toBeUndefined();
    });

    it('refuses unknown users and organizations with InputError', async () => {
      const noUser = await rejectionOf(billing().setUserTier(unknownId, 'pro'));
      const noOrganization = await rejectionOf(
        billing().setOrganizationBilling(unknownId, {
          plan: 'team',
          seats: 1,
          spendingLimitNanoUsd: undefined,
        }),
      );

      expect(InputError.isInstance(noUser)).toBe(true);
      expect(noUser).toMatchObject({ code: 'user_not_found', status: 400 });
      expect(InputError.isInstance(noOrganization)).toBe(true);
      expect(noOrganization).toMatchObject({ code: 'organization_not_found', status: 400 });
    });

    it('refuses seats below one or fractional, and a negative spending limit, writing nothing', async () => {
      const acme = await current().organizations.create({ name: 'acme' });
      const before = await billing().findOrganization(acme.id);

      for (const seats of [0, -1, 1.5]) {
        const error = await rejectionOf(
          billing().setOrganizationBilling(acme.id, { plan: 'team', seats, spendingLimitNanoUsd: undefined }),
        );
        expect(error).toMatchObject({ code: 'invalid_seats', status: 400 });
      }
      const negative = await rejectionOf(
        billing().setOrganizationBilling(acme.id, { plan: 'team', seats: 2, spendingLimitNanoUsd: -1n }),
      );

      expect(negative).toMatchObject({ code: 'invalid_spending_limit', status: 400 });
      expect(await billing().findOrganization(acme.id)).toEqual(before);
    });
  });
}
