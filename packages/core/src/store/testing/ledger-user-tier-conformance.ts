/** Conformance scenarios for `LedgerRepository#reserveForUser`, on stores that offer it. */
import { describe, expect, it } from 'vitest';
import type { UserTierAllowances } from '../ledger-repository.js';
import type { CurrentStore } from './store-conformance-fixtures.js';

const period = '2026-03';
const allowances: UserTierAllowances = {
  free: { includedNanoUsd: 100_000_000n, payAsYouGoLimitNanoUsd: 0n },
  pro: { includedNanoUsd: 2_000_000_000n, payAsYouGoLimitNanoUsd: undefined },
};
const unknownId = '00000000-0000-4000-8000-000000000000';

/** Registers the scenarios against the store `current()` returns; a store without `reserveForUser` skips them. */
export function describeLedgerUserTierConformance(current: CurrentStore): void {
  const reserveForUser = () => {
    const { reserveForUser: reserve } = current().ledger;
    if (reserve === undefined) throw new Error('reserveForUser is checked only on stores that offer it');
    return reserve.bind(current().ledger);
  };
  const offered = (): boolean => current().ledger.reserveForUser !== undefined;

  describe('ledger reservations on a user tier', () => {
    it("holds on the terms of the user's tier and says which tier it found", async (context) => {
      if (!offered()) return context.skip();
      const alice = await current().users.create({ name: 'alice' });

      const free = await reserveForUser()({
        userId: alice.id,
        period,
        requestId: 'r-1',
        attempt: 1,
        amountNanoUsd: 150_000_000n,
        minimumNanoUsd: 1n,
        allowances,
      });

      // Free: $0.10 and a hard stop, so a $0.15 worst case is held down to what is left.
      expect(free.outcome).toBe('held');
      expect(free.outcome === 'held' && free.tier).toBe('free');
      expect(free.outcome === 'held' && free.hold.amountNanoUsd).toBe(100_000_000n);
      expect(free.outcome === 'held' && free.hold.accountId).toBe(alice.id);
      const refused = await reserveForUser()({
        userId: alice.id,
        period,
        requestId: 'r-2',
        attempt: 1,
        amountNanoUsd: 1n,
        allowances,
      });
      expect(refused).toEqual({ outcome: 'insufficient', availableNanoUsd: 0n, tier: 'free' });
      const balance = await current().ledger.balance(alice.id, period);
      expect(balance.includedNanoUsd).toBe(100_000_000n);
      expect(balance.payAsYouGoLimitNanoUsd).toBe(0n);
    });

    it('reads a changed tier at the next reservation', async (context) => {
      if (!offered()) return context.skip();
      const bob = await current().users.create({ name: 'bob' });
      const first = await reserveForUser()({
        userId: bob.id,
        period,
        requestId: 'r-1',
        attempt: 1,
        amountNanoUsd: 100_000_000n,
        allowances,
      });
      expect(first.outcome === 'held' && first.tier).toBe('free');

      await current().billingAccounts.setUserTier(bob.id, 'pro');
      // PRO goes on pay-as-you-go, unlimited, past its $2.00 included.
      const upgraded = await reserveForUser()({
        userId: bob.id,
        period,
        requestId: 'r-2',
        attempt: 1,
        amountNanoUsd: 5_000_000_000n,
        allowances,
      });
      expect(upgraded.outcome).toBe('held');
      expect(upgraded.outcome === 'held' && upgraded.tier).toBe('pro');
      expect(upgraded.outcome === 'held' && upgraded.hold.amountNanoUsd).toBe(5_000_000_000n);
      const balance = await current().ledger.balance(bob.id, period);
      expect(balance.includedNanoUsd).toBe(2_000_000_000n);
      expect(balance.payAsYouGoLimitNanoUsd).toBeUndefined();
      expect(balance.heldNanoUsd).toBe(5_100_000_000n);
    });

    it('answers a repeated reservation with its hold', async (context) => {
      if (!offered()) return context.skip();
      const carol = await current().users.create({ name: 'carol' });
      const input = { userId: carol.id, period, requestId: 'r-1', attempt: 1, amountNanoUsd: 7n, allowances };
      const first = await reserveForUser()(input);
      const again = await reserveForUser()(input);

      expect(again.outcome).toBe('existing');
      expect(again.outcome === 'existing' && again.hold).toEqual(first.outcome === 'held' && first.hold);
      expect((await current().ledger.balance(carol.id, period)).heldNanoUsd).toBe(7n);
    });

    it('holds nothing for a user that does not exist', async (context) => {
      if (!offered()) return context.skip();
      const result = await reserveForUser()({
        userId: unknownId,
        period,
        requestId: 'r-1',
        attempt: 1,
        amountNanoUsd: 7n,
        allowances,
      });

      expect(result).toEqual({ outcome: 'unknown-user' });
      expect(await current().ledger.listOpenHolds()).toEqual([]);
      expect((await current().ledger.snapshot()).accounts).toEqual([]);
    });
  });
}
