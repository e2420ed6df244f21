import { describe, expect, it } from 'vitest';
import type { Store } from '../store/store.js';
import { createInMemoryCatalogRepository } from '../store/testing/in-memory-catalog-repository.js';
import { createInMemoryLedgerRecoveryRepository } from '../store/testing/in-memory-ledger-recovery-repository.js';
import { createInMemoryLedgerRepository } from '../store/testing/in-memory-ledger-repository.js';
import { createKernel } from './create-kernel.js';

describe('createKernel and the crash reconciler', () => {
  it('closes, at start, the holds a crashed instance left open: settled at a checkpoint, else released', async () => {
    const ledger = createInMemoryLedgerRepository();
    const ledgerRecovery = createInMemoryLedgerRecoveryRepository(ledger);
    const allowance = { includedNanoUsd: 100_000_000n, payAsYouGoLimitNanoUsd: 0n };
    for (const requestId of ['streamed', 'silent']) {
      await ledger.reserve({
        accountId: 'u',
        period: '2026-12',
        requestId,
        attempt: 1,
        amountNanoUsd: 5_000n,
        allowance,
      });
    }
    await ledgerRecovery.checkpoint({
      requestId: 'streamed',
      attempt: 1,
      costNanoUsd: 700n,
      updatedAt: new Date().toISOString(),
    });
    const store = {
      catalog: createInMemoryCatalogRepository(),
      ledger,
      ledgerRecovery,
      billingAccounts: {},
    } as unknown as Store;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const kernel = createKernel({
      store,
      plugins: [],
      billing: { reconciler: { graceMs: 1, intervalMs: 0 } },
    });

    await kernel.start();
    await expect.poll(() => ledger.listOpenHolds(), { timeout: 10_000 }).toEqual([]);
    await kernel.dispose();

    const closings = (await ledger.listEntries()).filter((entry) => entry.kind !== 'hold');
    expect(
      closings.map(({ kind, requestId, amountNanoUsd }) => ({ kind, requestId, amountNanoUsd })),
    ).toEqual(
      expect.arrayContaining([
        { kind: 'settle', requestId: 'streamed', amountNanoUsd: 700n },
        { kind: 'release', requestId: 'silent', amountNanoUsd: 5_000n },
      ]),
    );
  });
});
