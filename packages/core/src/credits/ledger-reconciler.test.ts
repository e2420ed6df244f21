import { beforeEach, describe, expect, it } from 'vitest';
import type { LedgerRecoveryRepository } from '../store/ledger-recovery-repository.js';
import type { LedgerRepository } from '../store/ledger-repository.js';
import { createInMemoryLedgerRecoveryRepository } from '../store/testing/in-memory-ledger-recovery-repository.js';
import { createInMemoryLedgerRepository } from '../store/testing/in-memory-ledger-repository.js';
import { createInMemoryRequestRecordRepository } from '../store/testing/in-memory-request-record-repository.js';
import { INTERRUPTED_BY_CRASH, LEDGER_RECONCILER_LEASE, LedgerReconciler } from './ledger-reconciler.js';
import { StoreCreditLedger } from './store-credit-ledger.js';
import { verifyLedger } from './verify-ledger.js';

const principal = { userId: 'user-1', userName: 'alice', tokenId: 'token-1' };

describe('LedgerReconciler', () => {
  let ledger: LedgerRepository;
  let recovery: LedgerRecoveryRepository;
  let credits: StoreCreditLedger;

  beforeEach(() => {
    ledger = createInMemoryLedgerRepository();
    recovery = createInMemoryLedgerRecoveryRepository(ledger);
    credits = new StoreCreditLedger({
      ledger,
      recovery,
      billingAccounts: {
        async findUser(userId) {
          return { userId, tier: 'pro' };
        },
        async findOrganization(organizationId) {
          return organizationId === 'org-1'
            ? { organizationId, plan: 'team', seats: 1, spendingLimitNanoUsd: undefined }
            : undefined;
        },
      },
    });
  });

  const hold = (requestId: string) =>
    credits.hold({ requestId, principal, providerId: 'groq', providerModelId: 'm', maxCostNanoUsd: 5_000n });
  const reconcilerAt = (offsetMs: number, holder = 'instance-a') =>
    new LedgerReconciler(
      { ledger, recovery, holder, now: () => new Date(Date.now() + offsetMs) },
      { graceMs: 60_000, intervalMs: 0 },
    );

  it('settles an orphaned hold at its checkpoint, releases one without, and leaves young holds alone', async () => {
    const streamed = await hold('streamed');
    await hold('silent');
    await credits.checkpoint(streamed, 1_200n);

    const early = await reconcilerAt(0).runOnce();
    const late = await reconcilerAt(120_000).runOnce();
    const again = await reconcilerAt(120_000).runOnce();

    expect(early).toMatchObject({ leased: true, settled: 0, released: 0 });
    expect(late).toEqual({ leased: true, settled: 1, released: 1, alreadyClosed: 0, chargedNanoUsd: 1_200n });
    expect(again).toMatchObject({ settled: 0, released: 0 });
    expect(await ledger.listOpenHolds()).toEqual([]);
    expect(verifyLedger(await ledger.snapshot())).toEqual([]);
  });

  it('records a request it settled at its checkpoint, from what the hold was taken for', async () => {
    const requests = createInMemoryRequestRecordRepository();
    const streamed = await credits.hold({
      requestId: 'cut',
      principal,
      billTo: { id: 'org-1', name: 'acme' },
      providerId: 'groq',
      providerModelId: 'm',
      maxCostNanoUsd: 5_000n,
      hfModelId: 'openai/gpt-oss-120b',
      task: 'conversational',
      billingMode: 'routed',
    });
    await hold('unnamed');
    await credits.checkpoint(streamed, 1_500n);
    const reconciler = new LedgerReconciler(
      { ledger, recovery, requests, holder: 'a', now: () => new Date(Date.now() + 120_000) },
      { graceMs: 60_000, intervalMs: 0 },
    );

    await reconciler.runOnce();

    expect(await requests.find('cut')).toMatchObject({
      requestId: 'cut',
      accountId: 'org-1',
      userId: 'user-1',
      tokenId: 'token-1',
      billedToOrganizationId: 'org-1',
      providerId: 'groq',
      providerModelId: 'm',
      hfModelId: 'openai/gpt-oss-120b',
      task: 'conversational',
      costNanoUsd: 1_500n,
      chargedNanoUsd: 1_500n,
      billingMode: 'routed',
      status: INTERRUPTED_BY_CRASH,
      streamed: true,
    });
    // Released, so nothing to explain.
    expect(await requests.find('unnamed')).toBeUndefined();
  });

  it('never charges twice: the instance settling late finds its hold closed', async () => {
    const streamed = await hold('streamed');
    await credits.checkpoint(streamed, 900n);
    await reconcilerAt(120_000).runOnce();

    const late = await credits.settle(streamed, 4_000n);

    expect(late.chargedNanoUsd).toBe(900n);
    const settles = (await ledger.listEntries()).filter((entry) => entry.kind === 'settle');
    expect(settles).toHaveLength(1);
  });

  it('does nothing while another instance holds the lease', async () => {
    await hold('silent');
    const now = new Date(Date.now() + 120_000);
    await recovery.claimLease({
      name: LEDGER_RECONCILER_LEASE,
      holder: 'instance-b',
      now: now.toISOString(),
      leaseUntil: new Date(now.getTime() + 60_000).toISOString(),
    });

    const report = await reconcilerAt(120_000).runOnce();

    expect(report).toMatchObject({ leased: false, released: 0 });
    expect(await ledger.listOpenHolds()).toHaveLength(1);
  });
});
