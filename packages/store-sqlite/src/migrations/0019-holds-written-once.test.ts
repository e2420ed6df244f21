import { verifyLedger } from '@tollgate/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { openSqliteDatabase } from '../open-sqlite-database.js';
import { createSqliteLedgerRepository } from '../sqlite-ledger-repository.js';
import { holdsWrittenOnce } from './0019-holds-written-once.js';
import {
  insertLegacyLedger,
  LEGACY_ACCOUNT,
  LEGACY_PERIOD,
  upgradedFrom,
} from './legacy-ledger.test-helpers.js';

const ACCOUNT = LEGACY_ACCOUNT;
const PERIOD = LEGACY_PERIOD;
const ALLOWANCE = { includedNanoUsd: 0n, payAsYouGoLimitNanoUsd: 0n };

describe('migration 19, holds-written-once', () => {
  let database: ReturnType<typeof openSqliteDatabase>;
  beforeEach(() => {
    database = upgradedFrom(holdsWrittenOnce, (legacy) => {
      insertLegacyLedger(legacy);
      legacy.prepare('INSERT INTO ledger_account_balances VALUES (?, 1000000000, 200000000)').run(ACCOUNT);
    });
  });
  afterEach(() => database.close());

  const kinds = async () =>
    (await createSqliteLedgerRepository(database).listEntries()).map(
      (entry) => `${entry.sequence} ${entry.kind} ${entry.requestId}`,
    );

  it('lists the entries written before it as they were, and the ledger verifies', async () => {
    expect(await kinds()).toEqual(['1 grant grant-1', '2 hold done', '3 settle done', '4 hold open']);
    expect(verifyLedger(await createSqliteLedgerRepository(database).snapshot())).toEqual([]);
  });

  it('closes a hold written before it, and answers a repeated reservation of either old hold with it', async () => {
    const ledger = createSqliteLedgerRepository(database);
    const again = (requestId: string) =>
      ledger.reserve({
        accountId: ACCOUNT,
        period: PERIOD,
        requestId,
        attempt: 1,
        amountNanoUsd: 1n,
        allowance: ALLOWANCE,
      });
    expect(await again('open')).toMatchObject({ outcome: 'existing', hold: { amountNanoUsd: 50_000_000n } });
    expect((await ledger.settle({ requestId: 'open', attempt: 1, costNanoUsd: 40_000_000n })).outcome).toBe(
      'settled',
    );
    expect(await again('done')).toMatchObject({ outcome: 'existing', hold: { amountNanoUsd: 300_000_000n } });
    expect(await kinds()).toEqual([
      '1 grant grant-1',
      '2 hold done',
      '3 settle done',
      '4 hold open',
      '5 settle open',
    ]);
    expect(verifyLedger(await ledger.snapshot())).toEqual([]);
  });

  it('writes a new hold as its open row alone, numbered after every entry, and records it on its closing', async () => {
    const ledger = createSqliteLedgerRepository(database);
    const rows = () => database.prepare('SELECT count(*) FROM ledger_entries').pluck().get();
    const held = await ledger.reserve({
      accountId: ACCOUNT,
      period: PERIOD,
      requestId: 'new',
      attempt: 1,
      amountNanoUsd: 70_000_000n,
      allowance: ALLOWANCE,
    });
    expect(held.outcome).toBe('held');
    expect(rows()).toBe(4);
    expect(await kinds()).toEqual([
      '1 grant grant-1',
      '2 hold done',
      '3 settle done',
      '4 hold open',
      '5 hold new',
    ]);

    await ledger.grant({ accountId: ACCOUNT, period: PERIOD, grantId: 'grant-2', amountNanoUsd: 1n });
    expect((await ledger.settle({ requestId: 'new', attempt: 1, costNanoUsd: 60_000_000n })).outcome).toBe(
      'settled',
    );
    expect(rows()).toBe(6);
    const entries = await ledger.listEntries({ accountId: ACCOUNT });
    expect(entries.slice(4)).toEqual([
      expect.objectContaining({ sequence: 5n, kind: 'hold', requestId: 'new', amountNanoUsd: 70_000_000n }),
      expect.objectContaining({ sequence: 6n, kind: 'grant', requestId: 'grant-2' }),
      expect.objectContaining({ sequence: 7n, kind: 'settle', requestId: 'new', amountNanoUsd: 60_000_000n }),
    ]);
    // Closed, the hold is still the first entry of its request: a repeated reservation gets it back, not a new one.
    expect(
      await ledger.reserve({
        accountId: ACCOUNT,
        period: PERIOD,
        requestId: 'new',
        attempt: 1,
        amountNanoUsd: 1n,
        allowance: ALLOWANCE,
      }),
    ).toMatchObject({ outcome: 'existing', hold: { amountNanoUsd: 70_000_000n } });
    expect(await ledger.listOpenHolds()).toEqual([expect.objectContaining({ requestId: 'open' })]);
    expect(verifyLedger(await ledger.snapshot())).toEqual([]);
  });
});
