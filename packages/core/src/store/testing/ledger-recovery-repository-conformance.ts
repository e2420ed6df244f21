/** Conformance scenarios for `Store#ledgerRecovery`: growing checkpoints, exclusive leases, pruning. */
import { describe, expect, it } from 'vitest';
import type { LedgerRecoveryRepository } from '../ledger-recovery-repository.js';
import type { LedgerRepository } from '../ledger-repository.js';

const allowance = { includedNanoUsd: 100_000_000n, payAsYouGoLimitNanoUsd: 0n };

/** Registers the scenarios against the repositories `stores()` returns (one store's ledger and recovery). */
export function describeLedgerRecoveryRepositoryConformance(
  stores: () => { readonly ledger: LedgerRepository; readonly ledgerRecovery: LedgerRecoveryRepository },
): void {
  describe('ledger recovery: checkpoints', () => {
    it('keeps the highest cost written for a hold, and none for another attempt', async () => {
      const { ledgerRecovery } = stores();
      await ledgerRecovery.checkpoint({
        requestId: 'r',
        attempt: 1,
        costNanoUsd: 300n,
        updatedAt: '2026-03-01T00:00:01.000Z',
      });
      await ledgerRecovery.checkpoint({
        requestId: 'r',
        attempt: 1,
        costNanoUsd: 200n,
        updatedAt: '2026-03-01T00:00:02.000Z',
      });

      expect(await ledgerRecovery.findCheckpoint({ requestId: 'r', attempt: 1 })).toEqual({
        requestId: 'r',
        attempt: 1,
        costNanoUsd: 300n,
        updatedAt: '2026-03-01T00:00:02.000Z',
      });
      expect(await ledgerRecovery.findCheckpoint({ requestId: 'r', attempt: 2 })).toBeUndefined();
    });

    it('keeps the request of the first checkpoint that names it, whatever later ones say', async () => {
      const { ledgerRecovery } = stores();
      const request = {
        userId: 'u-1',
        tokenId: 't-1',
        billedToOrganizationId: 'o-1',
        providerId: 'groq',
        providerModelId: 'openai/gpt-oss-120b',
        hfModelId: 'openai/gpt-oss-120b',
        task: 'conversational',
        billingMode: 'routed' as const,
      };
      const write = (costNanoUsd: bigint, second: number, named?: typeof request) =>
        ledgerRecovery.checkpoint({
          requestId: 'named',
          attempt: 1,
          costNanoUsd,
          updatedAt: `2026-03-01T00:00:0${second}.000Z`,
          ...(named ? { request: named } : {}),
        });
      await write(100n, 1);
      await write(200n, 2, request);
      await write(300n, 3);
      await write(400n, 4, { ...request, userId: 'someone-else' });

      expect(await ledgerRecovery.findCheckpoint({ requestId: 'named', attempt: 1 })).toEqual({
        requestId: 'named',
        attempt: 1,
        costNanoUsd: 400n,
        updatedAt: '2026-03-01T00:00:04.000Z',
        request,
      });
    });

    it('prunes old checkpoints of closed holds only', async () => {
      const { ledger, ledgerRecovery } = stores();
      for (const requestId of ['open', 'closed', 'recent']) {
        await ledger.reserve({
          accountId: 'a',
          period: '2026-03',
          requestId,
          attempt: 1,
          amountNanoUsd: 1_000n,
          allowance,
        });
      }
      await ledger.settle({ requestId: 'closed', attempt: 1, costNanoUsd: 10n });
      await ledger.settle({ requestId: 'recent', attempt: 1, costNanoUsd: 10n });
      const write = (requestId: string, updatedAt: string) =>
        ledgerRecovery.checkpoint({ requestId, attempt: 1, costNanoUsd: 10n, updatedAt });
      await write('open', '2026-03-01T00:00:00.000Z');
      await write('closed', '2026-03-01T00:00:00.000Z');
      await write('recent', '2026-03-01T01:00:00.000Z');

      expect(await ledgerRecovery.pruneCheckpoints('2026-03-01T00:30:00.000Z')).toBe(1);
      expect(await ledgerRecovery.findCheckpoint({ requestId: 'closed', attempt: 1 })).toBeUndefined();
      expect(await ledgerRecovery.findCheckpoint({ requestId: 'open', attempt: 1 })).toBeDefined();
      expect(await ledgerRecovery.findCheckpoint({ requestId: 'recent', attempt: 1 })).toBeDefined();
    });
  });

  describe('ledger recovery: leases', () => {
    const claim = (holder: string, now: string, leaseUntil: string) =>
      stores().ledgerRecovery.claimLease({ name: 'reconciler', holder, now, leaseUntil });

    it('gives a lease to one holder until it expires, renews it for that holder, and frees it on release', async () => {
      expect(await claim('a', '2026-03-01T00:00:00.000Z', '2026-03-01T00:01:00.000Z')).toBe(true);
      expect(await claim('b', '2026-03-01T00:00:30.000Z', '2026-03-01T00:01:30.000Z')).toBe(false);
      expect(await claim('a', '2026-03-01T00:00:40.000Z', '2026-03-01T00:01:40.000Z')).toBe(true);
      expect(await claim('b', '2026-03-01T00:01:10.000Z', '2026-03-01T00:02:10.000Z')).toBe(false);
      expect(await claim('b', '2026-03-01T00:01:40.000Z', '2026-03-01T00:02:40.000Z')).toBe(true);

      await stores().ledgerRecovery.releaseLease({ name: 'reconciler', holder: 'a' });
      expect(await claim('a', '2026-03-01T00:01:50.000Z', '2026-03-01T00:02:50.000Z')).toBe(false);
      await stores().ledgerRecovery.releaseLease({ name: 'reconciler', holder: 'b' });
      expect(await claim('a', '2026-03-01T00:01:50.000Z', '2026-03-01T00:02:50.000Z')).toBe(true);
    });

    it('lets exactly one of many simultaneous claimants win', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          claim(`holder-${index}`, '2026-03-01T00:00:00.000Z', '2026-03-01T00:01:00.000Z'),
        ),
      );

      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });
}
