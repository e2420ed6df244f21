import { verifyLedger } from '@tollgate/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateSqliteDatabase } from '../migrate-sqlite-database.js';
import { openSqliteDatabase } from '../open-sqlite-database.js';
import { createSqliteLedgerRepository } from '../sqlite-ledger-repository.js';
import { holdsWrittenOnce } from './0019-holds-written-once.js';
import { sqliteMigrations } from './sqlite-migrations.js';

const ACCOUNT = 'acct-1';
const PERIOD = '2026-11';
const AT = '2026-11-02T00:00:00.000Z';
const ALLOWANCE = { includedNanoUsd: 0n, payAsYouGoLimitNanoUsd: 0n };

describe('migration 19, holds-written-once', () => {
  let database: ReturnType<typeof openSqliteDatabase>;
  beforeEach(() => {
    database = openSqliteDatabase(':memory:');
    migrateSqliteDatabase(
      database,
      sqliteMigrations.filter((migration) => migration.version < holdsWrittenOnce.version),
    );
    // A ledger as migration 18 left it: $1 granted, a hold of $0.30 settled at $0.20, a hold of $0.05 still open.
    const entry = database.prepare(
      `INSERT INTO ledger_entries (account_id, period, kind, request_id, attempt, amount_nano_usd, cost_nano_usd,
         included_nano_usd, prepaid_nano_usd, pay_as_you_go_nano_usd, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    entry.run(ACCOUNT, PERIOD, 'grant', 'grant-1', 0, 1_000_000_000, null, 0, 0, 0, AT);
    entry.run(ACCOUNT, PERIOD, 'hold', 'done', 1, 300_000_000, null, 0, 0, 0, AT);
    entry.run(ACCOUNT, PERIOD, 'settle', 'done', 1, 200_000_000, 200_000_000, 0, 200_000_000, 0, AT);
    entry.run(ACCOUNT, PERIOD, 'hold', 'open', 1, 50_000_000, null, 0, 0, 0, AT);
    database
      .prepare(
        `INSERT INTO ledger_open_holds (request_id, attempt, account_id, period, amount_nano_usd, created_at)
         VALUES ('open', 1, ?, ?, 50000000, ?)`,
      )
      .run(ACCOUNT, PERIOD, AT);
    database.prepare('INSERT INTO ledger_account_balances VALUES (?, 1000000000, 200000000)').run(ACCOUNT);
    database
      .prepare(
        `INSERT INTO ledger_period_balances (account_id, period, included_nano_usd, pay_as_you_go_limit_nano_usd,
           held_nano_usd) VALUES (?, ?, 0, 0, 50000000)`,
      )
      .run(ACCOUNT, PERIOD);
    migrateSqliteDatabase(database);
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
