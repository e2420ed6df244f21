/** Conformance scenarios for `Store#ledger`. */
import { describe, expect, it } from 'vitest';
import type { BillingAllowance } from '../../billing/billing-account.js';
import { verifyLedger } from '../../credits/verify-ledger.js';
import type { LedgerRepository, ReserveInput } from '../ledger-repository.js';
import { describeIncludedOnlyLedgerConformance } from './ledger-included-only-conformance.js';
import { runSpendingRace } from './ledger-spending-race.js';

const accountId = '11111111-1111-4111-8111-111111111111';
const otherAccountId = '22222222-2222-4222-8222-222222222222';
const period = '2026-03';
const free: BillingAllowance = { includedNanoUsd: 100_000_000n, payAsYouGoLimitNanoUsd: 0n };
const pro: BillingAllowance = { includedNanoUsd: 2_000_000_000n, payAsYouGoLimitNanoUsd: undefined };

function reservation(overrides: Partial<ReserveInput> = {}): ReserveInput {
  return {
    accountId,
    period,
    requestId: 'request-1',
    attempt: 1,
    amountNanoUsd: 10_000_000n,
    allowance: free,
    ...overrides,
  };
}

/** Registers the ledger scenarios against the repository `ledger()` returns. */
export function describeLedgerRepositoryConformance(ledger: () => LedgerRepository): void {
  const expectSound = async (): Promise<void> => {
    expect(verifyLedger(await ledger().snapshot())).toEqual([]);
  };

  describe('ledger: reservations', () => {
    it('holds what the included credits cover, and refuses more, net of open holds', async () => {
      const first = await ledger().reserve(reservation({ requestId: 'a', amountNanoUsd: 60_000_000n }));
      const refused = await ledger().reserve(reservation({ requestId: 'b', amountNanoUsd: 50_000_000n }));
      const rest = await ledger().reserve(reservation({ requestId: 'c', amountNanoUsd: 40_000_000n }));

      expect(first).toMatchObject({
        outcome: 'held',
        hold: { accountId, period, requestId: 'a', attempt: 1, amountNanoUsd: 60_000_000n },
      });
      expect(refused).toEqual({ outcome: 'insufficient', availableNanoUsd: 40_000_000n });
      expect(rest).toMatchObject({ outcome: 'held', hold: { amountNanoUsd: 40_000_000n } });
      expect(await ledger().balance(accountId, period)).toMatchObject({
        includedNanoUsd: 100_000_000n,
        includedUsedNanoUsd: 0n,
        heldNanoUsd: 100_000_000n,
      });
      await expectSound();
    });

    it('holds what is left when a minimum allows it, and always grants a zero hold', async () => {
      await ledger().reserve(reservation({ requestId: 'a', amountNanoUsd: 99_000_000n }));

      const partial = await ledger().reserve(
        reservation({ requestId: 'b', amountNanoUsd: 5_000_000n, minimumNanoUsd: 1n }),
      );
      const belowMinimum = await ledger().reserve(
        reservation({ requestId: 'c', amountNanoUsd: 5_000_000n, minimumNanoUsd: 1n }),
      );
      const zero = await ledger().reserve(reservation({ requestId: 'd', amountNanoUsd: 0n }));

      expect(partial).toMatchObject({ outcome: 'held', hold: { amountNanoUsd: 1_000_000n } });
      expect(belowMinimum).toEqual({ outcome: 'insufficient', availableNanoUsd: 0n });
      expect(zero).toMatchObject({ outcome: 'held', hold: { amountNanoUsd: 0n } });
      await expectSound();
    });

    it('returns the existing hold when one (request, attempt) is reserved again, and holds a new attempt apart', async () => {
      const first = await ledger().reserve(reservation());
      const again = await ledger().reserve(reservation({ amountNanoUsd: 90_000_000n }));
      const second = await ledger().reserve(reservation({ attempt: 2, amountNanoUsd: 20_000_000n }));

      expect(first.outcome).toBe('held');
      expect(again).toEqual({ outcome: 'existing', hold: first.outcome === 'held' ? first.hold : undefined });
      expect(second).toMatchObject({ outcome: 'held', hold: { attempt: 2, amountNanoUsd: 20_000_000n } });
      expect((await ledger().balance(accountId, period)).heldNanoUsd).toBe(30_000_000n);
      await expectSound();
    });

    it('returns the existing hold to a repeated reservation that the balance could no longer pay for', async () => {
      const first = await ledger().reserve(reservation({ requestId: 'all', amountNanoUsd: 100_000_000n }));
      const again = await ledger().reserve(reservation({ requestId: 'all', amountNanoUsd: 100_000_000n }));

      expect(first.outcome).toBe('held');
      expect(again).toEqual({ outcome: 'existing', hold: first.outcome === 'held' ? first.hold : undefined });
      expect((await ledger().balance(accountId, period)).heldNanoUsd).toBe(100_000_000n);
      await expectSound();
    });

    it('keeps accounts apart', async () => {
      await ledger().reserve(reservation({ requestId: 'a', amountNanoUsd: 100_000_000n }));

      const other = await ledger().reserve(
        reservation({ accountId: otherAccountId, requestId: 'b', amountNanoUsd: 100_000_000n }),
      );

      expect(other.outcome).toBe('held');
      expect((await ledger().balance(otherAccountId, period)).heldNanoUsd).toBe(100_000_000n);
    });

    it('lets an account without pay-as-you-go spend prepaid credits after included ones, and no more', async () => {
      await ledger().grant({ accountId, period, grantId: 'grant-1', amountNanoUsd: 50_000_000n });

      const held = await ledger().reserve(reservation({ requestId: 'a', amountNanoUsd: 150_000_000n }));
      const more = await ledger().reserve(reservation({ requestId: 'b', amountNanoUsd: 1n }));

      expect(held.outcome).toBe('held');
      expect(more).toEqual({ outcome: 'insufficient', availableNanoUsd: 0n });
    });

    it('lets unlimited pay-as-you-go hold anything, and caps limited pay-as-you-go at its limit', async () => {
      const unlimited = await ledger().reserve(
        reservation({ requestId: 'a', amountNanoUsd: 1_000_000_000_000n, allowance: pro }),
      );
      const limited: BillingAllowance = {
        includedNanoUsd: 2_000_000_000n,
        payAsYouGoLimitNanoUsd: 3_000_000_000n,
      };
      const withinLimit = await ledger().reserve(
        reservation({
          accountId: otherAccountId,
          requestId: 'b',
          amountNanoUsd: 5_000_000_000n,
          allowance: limited,
        }),
      );
      const pastLimit = await ledger().reserve(
        reservation({ accountId: otherAccountId, requestId: 'c', amountNanoUsd: 1n, allowance: limited }),
      );

      expect(unlimited.outcome).toBe('held');
      expect(withinLimit.outcome).toBe('held');
      expect(pastLimit).toEqual({ outcome: 'insufficient', availableNanoUsd: 0n });
    });

    it('gives each period its own included credits, and carries prepaid credits across periods', async () => {
      await ledger().grant({ accountId, period, grantId: 'grant-1', amountNanoUsd: 30_000_000n });
      await ledger().reserve(reservation({ requestId: 'march', amountNanoUsd: 120_000_000n }));
      await ledger().settle({ requestId: 'march', attempt: 1, costNanoUsd: 120_000_000n });

      const april = await ledger().reserve(
        reservation({ period: '2026-04', requestId: 'april', amountNanoUsd: 110_000_000n }),
      );

      expect(april.outcome).toBe('held');
      expect(await ledger().balance(accountId, '2026-04')).toMatchObject({
        includedNanoUsd: 100_000_000n,
        includedUsedNanoUsd: 0n,
        prepaidGrantedNanoUsd: 30_000_000n,
        prepaidUsedNanoUsd: 20_000_000n,
        heldNanoUsd: 110_000_000n,
      });
      expect(
        await ledger().reserve(reservation({ period: '2026-04', requestId: 'more', amountNanoUsd: 1n })),
      ).toEqual({ outcome: 'insufficient', availableNanoUsd: 0n });
      await expectSound();
    });
  });

  describe('ledger: settlements and releases', () => {
    it('charges the cost, included credits first, then prepaid, then pay-as-you-go, and frees the rest of the hold', async () => {
      await ledger().grant({ accountId, period, grantId: 'grant-1', amountNanoUsd: 500_000_000n });
      await ledger().reserve(reservation({ requestId: 'a', amountNanoUsd: 1_000_000_000n, allowance: pro }));
      await ledger().reserve(reservation({ requestId: 'b', amountNanoUsd: 2_000_000_000n, allowance: pro }));

      const first = await ledger().settle({ requestId: 'a', attempt: 1, costNanoUsd: 700_000_000n });
      const second = await ledger().settle({ requestId: 'b', attempt: 1, costNanoUsd: 1_900_000_000n });

      expect(first).toMatchObject({
        outcome: 'settled',
        entry: {
          kind: 'settle',
          accountId,
          period,
          amountNanoUsd: 700_000_000n,
          costNanoUsd: 700_000_000n,
          includedNanoUsd: 700_000_000n,
          prepaidNanoUsd: 0n,
          payAsYouGoNanoUsd: 0n,
        },
      });
      expect(second).toMatchObject({
        outcome: 'settled',
        entry: {
          amountNanoUsd: 1_900_000_000n,
          includedNanoUsd: 1_300_000_000n,
          prepaidNanoUsd: 500_000_000n,
          payAsYouGoNanoUsd: 100_000_000n,
        },
      });
      expect(await ledger().balance(accountId, period)).toEqual({
        accountId,
        period,
        includedNanoUsd: 2_000_000_000n,
        includedUsedNanoUsd: 2_000_000_000n,
        payAsYouGoLimitNanoUsd: undefined,
        payAsYouGoUsedNanoUsd: 100_000_000n,
        prepaidGrantedNanoUsd: 500_000_000n,
        prepaidUsedNanoUsd: 500_000_000n,
        heldNanoUsd: 0n,
        includedHeldNanoUsd: 0n,
      });
      await expectSound();
    });

    it('never charges more than the hold, and a settled hold frees what was not charged', async () => {
      await ledger().reserve(reservation({ requestId: 'a', amountNanoUsd: 40_000_000n }));

      const settled = await ledger().settle({ requestId: 'a', attempt: 1, costNanoUsd: 90_000_000n });
      const next = await ledger().reserve(reservation({ requestId: 'b', amountNanoUsd: 60_000_000n }));

      expect(settled).toMatchObject({ entry: { amountNanoUsd: 40_000_000n, costNanoUsd: 90_000_000n } });
      expect(next.outcome).toBe('held');
      await expectSound();
    });

    it('gives a released hold back in full', async () => {
      await ledger().reserve(reservation({ requestId: 'a', amountNanoUsd: 100_000_000n }));

      const released = await ledger().release({ requestId: 'a', attempt: 1 });
      const next = await ledger().reserve(reservation({ requestId: 'b', amountNanoUsd: 100_000_000n }));

      expect(released).toMatchObject({
        outcome: 'released',
        entry: { kind: 'release', amountNanoUsd: 100_000_000n, includedNanoUsd: 0n },
      });
      expect(next.outcome).toBe('held');
      await expectSound();
    });

    it('settles or releases once: a second settle or release changes nothing and says how the hold was closed', async () => {
      await ledger().reserve(reservation({ requestId: 'a' }));
      await ledger().reserve(reservation({ requestId: 'b' }));
      const settled = await ledger().settle({ requestId: 'a', attempt: 1, costNanoUsd: 3_000_000n });
      const released = await ledger().release({ requestId: 'b', attempt: 1 });
      const before = await ledger().listEntries();

      expect(await ledger().settle({ requestId: 'a', attempt: 1, costNanoUsd: 9_000_000n })).toEqual({
        outcome: 'already-settled',
        entry: settled.outcome === 'settled' ? settled.entry : undefined,
      });
      expect(await ledger().release({ requestId: 'a', attempt: 1 })).toMatchObject({
        outcome: 'already-settled',
      });
      expect(await ledger().release({ requestId: 'b', attempt: 1 })).toEqual({
        outcome: 'already-released',
        entry: released.outcome === 'released' ? released.entry : undefined,
      });
      expect(await ledger().settle({ requestId: 'b', attempt: 1, costNanoUsd: 1n })).toMatchObject({
        outcome: 'already-released',
      });
      expect(await ledger().listEntries()).toEqual(before);
      expect((await ledger().balance(accountId, period)).includedUsedNanoUsd).toBe(3_000_000n);
      await expectSound();
    });

    it('reports a hold it never had', async () => {
      expect(await ledger().settle({ requestId: 'nope', attempt: 1, costNanoUsd: 1n })).toEqual({
        outcome: 'unknown-hold',
      });
      expect(await ledger().release({ requestId: 'nope', attempt: 1 })).toEqual({ outcome: 'unknown-hold' });
    });

    it('refuses a negative cost', async () => {
      await ledger().reserve(reservation());

      await expect(ledger().settle({ requestId: 'request-1', attempt: 1, costNanoUsd: -1n })).rejects.toThrow(
        RangeError,
      );
      expect((await ledger().balance(accountId, period)).heldNanoUsd).toBe(10_000_000n);
    });
  });

  describe('ledger: grants, entries and open holds', () => {
    it('grants prepaid credits once per grant id', async () => {
      const first = await ledger().grant({ accountId, period, grantId: 'g', amountNanoUsd: 5_000_000_000n });
      const again = await ledger().grant({ accountId, period, grantId: 'g', amountNanoUsd: 5_000_000_000n });

      expect(first).toMatchObject({
        outcome: 'granted',
        entry: { kind: 'grant', accountId, requestId: 'g', attempt: 0, amountNanoUsd: 5_000_000_000n },
      });
      expect(again).toEqual({ outcome: 'existing', entry: first.entry });
      expect((await ledger().balance(accountId, period)).prepaidGrantedNanoUsd).toBe(5_000_000_000n);
    });

    it('refuses a grant that is not positive', async () => {
      await expect(ledger().grant({ accountId, period, grantId: 'g', amountNanoUsd: 0n })).rejects.toThrow(
        RangeError,
      );
    });

    it('shows an account with no entries as empty', async () => {
      expect(await ledger().balance(accountId, period)).toEqual({
        accountId,
        period,
        includedNanoUsd: 0n,
        includedUsedNanoUsd: 0n,
        payAsYouGoLimitNanoUsd: 0n,
        payAsYouGoUsedNanoUsd: 0n,
        prepaidGrantedNanoUsd: 0n,
        prepaidUsedNanoUsd: 0n,
        heldNanoUsd: 0n,
        includedHeldNanoUsd: 0n,
      });
      expect(await ledger().listEntries()).toEqual([]);
      expect(await ledger().listOpenHolds()).toEqual([]);
    });

    it('lists entries in the order they were written, per account or all', async () => {
      await ledger().grant({ accountId, period, grantId: 'g', amountNanoUsd: 1n });
      await ledger().reserve(reservation({ requestId: 'a' }));
      await ledger().reserve(reservation({ accountId: otherAccountId, requestId: 'b' }));
      await ledger().settle({ requestId: 'a', attempt: 1, costNanoUsd: 5n });

      const all = await ledger().listEntries();
      const mine = await ledger().listEntries({ accountId });

      expect(all.map((entry) => `${entry.kind} ${entry.requestId}`)).toEqual([
        'grant g',
        'hold a',
        'hold b',
        'settle a',
      ]);
      const sequences = all.map((entry) => entry.sequence);
      expect(sequences).toEqual([...sequences].sort((left, right) => (left < right ? -1 : 1)));
      expect(mine.map((entry) => entry.kind)).toEqual(['grant', 'hold', 'settle']);
      expect(new Date(all[0]?.createdAt ?? '').toISOString()).toBe(all[0]?.createdAt);
    });

    it('lists open holds oldest first, filtered by age and limited, and forgets closed ones', async () => {
      for (const requestId of ['a', 'b', 'c', 'd']) {
        await ledger().reserve(reservation({ requestId, amountNanoUsd: 1_000n }));
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await ledger().settle({ requestId: 'b', attempt: 1, costNanoUsd: 1n });
      await ledger().release({ requestId: 'c', attempt: 1 });

      const open = await ledger().listOpenHolds();
      const oldest = await ledger().listOpenHolds({ limit: 1 });
      const before = await ledger().listOpenHolds({ createdBefore: open[1]?.createdAt });

      expect(open.map((hold) => hold.requestId)).toEqual(['a', 'd']);
      expect(open[0]).toMatchObject({ accountId, period, attempt: 1, amountNanoUsd: 1_000n });
      expect(oldest.map((hold) => hold.requestId)).toEqual(['a']);
      expect(before.map((hold) => hold.requestId)).toEqual(['a']);
    });
  });

  describe('ledger: concurrency', () => {
    it('lets 500 concurrent requests spend all of a Free account and not a nano-dollar more', async () => {
      const report = await runSpendingRace([ledger()], {
        accountId,
        period,
        allowance: free,
        clients: 500,
        requestNanoUsd: 700_000n,
        failEvery: 5,
      });

      expect(report.chargedNanoUsd).toBe(100_000_000n);
      expect(report.refused).toBe(500);
      expect(report.released).toBeGreaterThan(0);
      expect(await ledger().balance(accountId, period)).toMatchObject({
        includedUsedNanoUsd: 100_000_000n,
        payAsYouGoUsedNanoUsd: 0n,
        heldNanoUsd: 0n,
      });
      expect(await ledger().reserve(reservation({ requestId: 'after', amountNanoUsd: 1n }))).toEqual({
        outcome: 'insufficient',
        availableNanoUsd: 0n,
      });
      await expectSound();
    });

    it('holds once when one (request, attempt) is reserved many times at the same time, even for all the balance', async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 40 }, () =>
          ledger().reserve(reservation({ requestId: 'twin', amountNanoUsd: 100_000_000n })),
        ),
      );

      const held = outcomes.filter((result) => result.outcome === 'held');
      expect(held).toHaveLength(1);
      const hold = held[0]?.outcome === 'held' ? held[0].hold : undefined;
      expect(outcomes.filter((result) => result.outcome === 'existing')).toEqual(
        Array.from({ length: 39 }, () => ({ outcome: 'existing', hold })),
      );
      expect((await ledger().balance(accountId, period)).heldNanoUsd).toBe(100_000_000n);
      expect((await ledger().listEntries()).filter((entry) => entry.kind === 'hold')).toHaveLength(1);
      await expectSound();
    });

    it('settles each hold once when many settle and release it at the same time', async () => {
      await ledger().reserve(reservation({ amountNanoUsd: 50_000_000n }));

      const outcomes = await Promise.all(
        Array.from({ length: 40 }, (_, index) =>
          index % 2 === 0
            ? ledger().settle({ requestId: 'request-1', attempt: 1, costNanoUsd: 30_000_000n })
            : ledger().release({ requestId: 'request-1', attempt: 1 }),
        ),
      );

      const closed = outcomes.filter(
        (result) => result.outcome === 'settled' || result.outcome === 'released',
      );
      expect(closed).toHaveLength(1);
      expect((await ledger().listEntries()).filter((entry) => entry.kind !== 'hold')).toHaveLength(1);
      await expectSound();
    });
  });

  describeIncludedOnlyLedgerConformance(ledger);
}
