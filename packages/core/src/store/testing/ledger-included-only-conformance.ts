/**
 * Conformance scenarios for included-only holds (`ReserveInput.includedOnly`, decision 0022): what a provider not
 * integrated with billing may spend is this period's included credits, never prepaid credits or pay-as-you-go,
 * whatever else the account holds and settles at the same time.
 */
import { describe, expect, it } from 'vitest';
import type { BillingAllowance } from '../../billing/billing-account.js';
import { verifyLedger } from '../../credits/verify-ledger.js';
import type { LedgerRepository, ReserveInput } from '../ledger-repository.js';
import { runSpendingRace } from './ledger-spending-race.js';

const accountId = '33333333-3333-4333-8333-333333333333';
const period = '2026-03';
const free: BillingAllowance = { includedNanoUsd: 100_000_000n, payAsYouGoLimitNanoUsd: 0n };
const pro: BillingAllowance = { includedNanoUsd: 100_000_000n, payAsYouGoLimitNanoUsd: undefined };

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

/** Registers the included-only scenarios against the repository `ledger()` returns. */
export function describeIncludedOnlyLedgerConformance(ledger: () => LedgerRepository): void {
  const expectSound = async (): Promise<void> => {
    expect(verifyLedger(await ledger().snapshot())).toEqual([]);
  };

  describe('ledger: included-only holds', () => {
    it('holds only what included credits cover, net of other included-only holds, with prepaid and pay-as-you-go at hand', async () => {
      await ledger().grant({ accountId, period, grantId: 'grant-1', amountNanoUsd: 1_000_000_000n });

      const first = await ledger().reserve(
        reservation({ requestId: 'a', amountNanoUsd: 60_000_000n, allowance: pro, includedOnly: true }),
      );
      const refused = await ledger().reserve(
        reservation({ requestId: 'b', amountNanoUsd: 50_000_000n, allowance: pro, includedOnly: true }),
      );
      const partial = await ledger().reserve(
        reservation({
          requestId: 'c',
          amountNanoUsd: 50_000_000n,
          minimumNanoUsd: 1n,
          allowance: pro,
          includedOnly: true,
        }),
      );
      const ordinary = await ledger().reserve(
        reservation({ requestId: 'd', amountNanoUsd: 500_000_000n, allowance: pro }),
      );

      expect(first).toMatchObject({
        outcome: 'held',
        hold: { amountNanoUsd: 60_000_000n, includedOnly: true },
      });
      expect(refused).toEqual({ outcome: 'insufficient', availableNanoUsd: 40_000_000n });
      expect(partial).toMatchObject({ outcome: 'held', hold: { amountNanoUsd: 40_000_000n } });
      expect(ordinary.outcome).toBe('held');
      expect(await ledger().balance(accountId, period)).toMatchObject({
        heldNanoUsd: 600_000_000n,
        includedHeldNanoUsd: 100_000_000n,
      });
      expect((await ledger().listOpenHolds()).filter((hold) => hold.includedOnly === true)).toHaveLength(2);
      await expectSound();
    });

    it('holds no more than the account can pay when other holds already take its included credits', async () => {
      await ledger().reserve(reservation({ requestId: 'ordinary', amountNanoUsd: 100_000_000n }));

      const refused = await ledger().reserve(
        reservation({ requestId: 'estimated', amountNanoUsd: 1n, includedOnly: true }),
      );

      expect(refused).toEqual({ outcome: 'insufficient', availableNanoUsd: 0n });
    });

    it('refuses once included credits are spent, though prepaid credits are left', async () => {
      await ledger().grant({ accountId, period, grantId: 'grant-1', amountNanoUsd: 500_000_000n });
      await ledger().reserve(reservation({ requestId: 'a', amountNanoUsd: 100_000_000n }));
      await ledger().settle({ requestId: 'a', attempt: 1, costNanoUsd: 100_000_000n });

      const refused = await ledger().reserve(
        reservation({ requestId: 'b', amountNanoUsd: 1n, includedOnly: true }),
      );
      const ordinary = await ledger().reserve(reservation({ requestId: 'c', amountNanoUsd: 1n }));

      expect(refused).toEqual({ outcome: 'insufficient', availableNanoUsd: 0n });
      expect(ordinary.outcome).toBe('held');
    });

    it('keeps the included credits it holds from an ordinary settlement that comes first', async () => {
      await ledger().grant({ accountId, period, grantId: 'grant-1', amountNanoUsd: 100_000_000n });
      await ledger().reserve(
        reservation({ requestId: 'estimated', amountNanoUsd: 100_000_000n, includedOnly: true }),
      );
      await ledger().reserve(reservation({ requestId: 'ordinary', amountNanoUsd: 100_000_000n }));

      const ordinary = await ledger().settle({
        requestId: 'ordinary',
        attempt: 1,
        costNanoUsd: 100_000_000n,
      });
      const estimated = await ledger().settle({
        requestId: 'estimated',
        attempt: 1,
        costNanoUsd: 70_000_000n,
      });

      expect(ordinary).toMatchObject({
        outcome: 'settled',
        entry: { amountNanoUsd: 100_000_000n, includedNanoUsd: 0n, prepaidNanoUsd: 100_000_000n },
      });
      expect(estimated).toMatchObject({
        outcome: 'settled',
        entry: {
          amountNanoUsd: 70_000_000n,
          includedNanoUsd: 70_000_000n,
          prepaidNanoUsd: 0n,
          payAsYouGoNanoUsd: 0n,
        },
      });
      expect(await ledger().balance(accountId, period)).toMatchObject({
        includedUsedNanoUsd: 70_000_000n,
        prepaidUsedNanoUsd: 100_000_000n,
        heldNanoUsd: 0n,
        includedHeldNanoUsd: 0n,
      });
      await expectSound();
    });

    it('gives its included credits back to everyone when released', async () => {
      await ledger().reserve(
        reservation({
          requestId: 'estimated',
          amountNanoUsd: 100_000_000n,
          allowance: pro,
          includedOnly: true,
        }),
      );
      await ledger().reserve(
        reservation({ requestId: 'ordinary', amountNanoUsd: 50_000_000n, allowance: pro }),
      );
      await ledger().release({ requestId: 'estimated', attempt: 1 });

      const ordinary = await ledger().settle({ requestId: 'ordinary', attempt: 1, costNanoUsd: 50_000_000n });

      expect(ordinary).toMatchObject({
        entry: { includedNanoUsd: 50_000_000n, payAsYouGoNanoUsd: 0n },
      });
      expect((await ledger().balance(accountId, period)).includedHeldNanoUsd).toBe(0n);
      await expectSound();
    });

    it('never spends beyond included credits when included-only and ordinary requests race on one account', async () => {
      await ledger().grant({ accountId, period, grantId: 'grant-1', amountNanoUsd: 200_000_000n });
      const race = {
        accountId,
        period,
        allowance: free,
        clients: 100,
        requestNanoUsd: 1_300_000n,
        failEvery: 7,
      };

      const [estimated, ordinary] = await Promise.all([
        runSpendingRace([ledger()], { ...race, includedOnly: true, requestPrefix: 'estimated' }),
        runSpendingRace([ledger()], { ...race, requestPrefix: 'ordinary' }),
      ]);

      expect(estimated.settled).toBeGreaterThan(0);
      expect(estimated.chargedNanoUsd).toBeLessThanOrEqual(100_000_000n);
      const settlements = (await ledger().listEntries({ accountId })).filter(
        (entry) => entry.kind === 'settle' && entry.requestId.startsWith('estimated-'),
      );
      expect(settlements.every((entry) => entry.prepaidNanoUsd + entry.payAsYouGoNanoUsd === 0n)).toBe(true);
      expect(estimated.chargedNanoUsd + ordinary.chargedNanoUsd).toBeLessThanOrEqual(300_000_000n);
      expect(await ledger().balance(accountId, period)).toMatchObject({
        heldNanoUsd: 0n,
        includedHeldNanoUsd: 0n,
      });
      await expectSound();
    });
  });
}
