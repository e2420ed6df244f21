import { describe, expect, it } from 'vitest';
import type { LedgerEntry, LedgerSnapshot } from '../store/ledger-repository.js';
import { createInMemoryLedgerRepository } from '../store/testing/in-memory-ledger-repository.js';
import { verifyLedger } from './verify-ledger.js';

const accountId = 'account-1';
const period = '2026-03';
const allowance = { includedNanoUsd: 100n, payAsYouGoLimitNanoUsd: 0n };

async function soundSnapshot(): Promise<LedgerSnapshot> {
  const ledger = createInMemoryLedgerRepository();
  await ledger.grant({ accountId, period, grantId: 'g', amountNanoUsd: 20n });
  for (const requestId of ['a', 'b', 'c']) {
    await ledger.reserve({ accountId, period, requestId, attempt: 1, amountNanoUsd: 40n, allowance });
  }
  await ledger.settle({ requestId: 'a', attempt: 1, costNanoUsd: 30n });
  await ledger.release({ requestId: 'b', attempt: 1 });
  return ledger.snapshot();
}

function codesOf(snapshot: LedgerSnapshot): string[] {
  return [...new Set(verifyLedger(snapshot).map((violation) => violation.code))].sort();
}

function entry(snapshot: LedgerSnapshot, kind: string, requestId: string): LedgerEntry {
  const found = snapshot.entries.find(
    (candidate) => candidate.kind === kind && candidate.requestId === requestId,
  );
  if (found === undefined) throw new Error(`no ${kind} ${requestId}`);
  return found;
}

describe('verifyLedger', () => {
  it('finds nothing wrong with a ledger the repository wrote', async () => {
    expect(verifyLedger(await soundSnapshot())).toEqual([]);
  });

  it('finds a settlement without a hold, and a hold closed twice', async () => {
    const snapshot = await soundSnapshot();
    const settle = entry(snapshot, 'settle', 'a');
    const orphan = { ...settle, sequence: 100n, requestId: 'ghost' };
    const twice = { ...entry(snapshot, 'release', 'b'), sequence: 101n };

    expect(codesOf({ ...snapshot, entries: [...snapshot.entries, orphan, twice] })).toEqual([
      'balance_mismatch',
      'closed_twice',
      'closing_without_hold',
    ]);
  });

  it('finds a request charged by two attempts', async () => {
    const ledger = createInMemoryLedgerRepository();
    for (const attempt of [1, 2]) {
      await ledger.reserve({ accountId, period, requestId: 'r', attempt, amountNanoUsd: 10n, allowance });
      await ledger.settle({ requestId: 'r', attempt, costNanoUsd: 5n });
    }

    expect(codesOf(await ledger.snapshot())).toEqual(['request_charged_twice']);
  });

  it('finds a charge above its hold or its cost, and a split that does not add up', async () => {
    const snapshot = await soundSnapshot();
    const entries = snapshot.entries.map((candidate) =>
      candidate.kind === 'settle' ? { ...candidate, amountNanoUsd: 45n, costNanoUsd: 30n } : candidate,
    );

    expect(codesOf({ ...snapshot, entries })).toEqual(
      expect.arrayContaining(['charge_exceeds_hold', 'charge_exceeds_cost', 'split_mismatch']),
    );
  });

  it('finds a materialized balance that differs from its entries', async () => {
    const snapshot = await soundSnapshot();
    const accounts = snapshot.accounts.map((row) => ({ ...row, heldNanoUsd: row.heldNanoUsd + 1n }));
    const periods = snapshot.periods.map((row) => ({ ...row, includedUsedNanoUsd: 0n }));

    const violations = verifyLedger({ ...snapshot, accounts, periods });

    expect(violations.map((violation) => violation.code)).toEqual(['balance_mismatch', 'balance_mismatch']);
    expect(violations[0]?.message).toMatch(/held is 41 but its entries sum to 40/);
  });

  it('finds an open hold that was closed, and one that is missing', async () => {
    const snapshot = await soundSnapshot();
    const closed = { ...snapshot.openHolds[0], requestId: 'a' } as LedgerSnapshot['openHolds'][number];

    expect(codesOf({ ...snapshot, openHolds: [closed] })).toEqual(['open_holds_mismatch']);
  });

  it('finds spending past the included credits or the pay-as-you-go limit', async () => {
    const snapshot = await soundSnapshot();
    const periods = snapshot.periods.map((row) => ({ ...row, includedNanoUsd: 10n }));

    expect(codesOf({ ...snapshot, periods })).toEqual(['overspent']);
  });

  it('finds an included-only hold paid with prepaid credits, and its reservation missing from the period', async () => {
    const ledger = createInMemoryLedgerRepository();
    await ledger.grant({ accountId, period, grantId: 'g', amountNanoUsd: 20n });
    const hold = { accountId, period, attempt: 1, amountNanoUsd: 40n, allowance, includedOnly: true };
    await ledger.reserve({ ...hold, requestId: 'estimated' });
    await ledger.reserve({ ...hold, requestId: 'open' });
    await ledger.settle({ requestId: 'estimated', attempt: 1, costNanoUsd: 30n });
    const snapshot = await ledger.snapshot();
    expect(verifyLedger(snapshot)).toEqual([]);

    const settle = entry(snapshot, 'settle', 'estimated');
    const paidOtherwise = { ...settle, includedNanoUsd: 10n, prepaidNanoUsd: 20n };
    const forgotten = snapshot.periods.map((row) => ({ ...row, includedHeldNanoUsd: 0n }));

    expect(
      codesOf({
        ...snapshot,
        entries: snapshot.entries.map((one) => (one === settle ? paidOtherwise : one)),
      }),
    ).toContain('included_only_paid_otherwise');
    expect(codesOf({ ...snapshot, periods: forgotten })).toEqual(['balance_mismatch']);
  });
});
