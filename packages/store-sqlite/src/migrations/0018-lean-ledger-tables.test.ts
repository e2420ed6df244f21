import { verifyLedger } from '@tollgate/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateSqliteDatabase } from '../migrate-sqlite-database.js';
import { openSqliteDatabase } from '../open-sqlite-database.js';
import { createSqliteLedgerRecoveryRepository } from '../sqlite-ledger-recovery-repository.js';
import { createSqliteLedgerRepository } from '../sqlite-ledger-repository.js';
import { createSqliteRequestRecordRepository } from '../sqlite-request-record-repository.js';
import { leanLedgerTables } from './0018-lean-ledger-tables.js';
import { sqliteMigrations } from './sqlite-migrations.js';

const ACCOUNT = 'acct-1';
const PERIOD = '2026-11';
const AT = '2026-11-02T00:00:00.000Z';

describe('migration 18, lean-ledger-tables', () => {
  let database: ReturnType<typeof openSqliteDatabase>;
  beforeEach(() => {
    database = openSqliteDatabase(':memory:');
    migrateSqliteDatabase(
      database,
      sqliteMigrations.filter((migration) => migration.version < leanLedgerTables.version),
    );
    // A ledger as migration 17 left it: $1 granted, $0.20 of it spent, one hold of $0.05 still open (checkpointed).
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
    database
      .prepare('INSERT INTO ledger_account_balances VALUES (?, 1000000000, 200000000, 50000000)')
      .run(ACCOUNT);
    database
      .prepare(
        `INSERT INTO ledger_period_balances (account_id, period, included_nano_usd, pay_as_you_go_limit_nano_usd,
           held_nano_usd) VALUES (?, ?, 0, 0, 50000000)`,
      )
      .run(ACCOUNT, PERIOD);
    database
      .prepare(
        `INSERT INTO request_records (request_id, account_id, user_id, token_id, task, input_tokens, output_tokens,
           cost_nano_usd, charged_nano_usd, billing_mode, status, http_status, latency_ms, streamed, created_at)
         VALUES ('done', ?, ?, 'token-1', 'conversational', 10, 20, 200000000, 200000000, 'routed', 'completed',
           200, 12, 0, ?)`,
      )
      .run(ACCOUNT, ACCOUNT, AT);
    database.prepare(`INSERT INTO ledger_checkpoints VALUES ('open', 1, 40000000, ?, NULL)`).run(AT);
    migrateSqliteDatabase(database);
  });
  afterEach(() => database.close());

  it('keeps the balances, the open hold, the request record and the checkpoint, and the ledger verifies', async () => {
    const ledger = createSqliteLedgerRepository(database);
    expect(await ledger.balance(ACCOUNT, PERIOD)).toMatchObject({
      prepaidGrantedNanoUsd: 1_000_000_000n,
      prepaidUsedNanoUsd: 200_000_000n,
      heldNanoUsd: 50_000_000n,
    });
    expect(await ledger.listOpenHolds()).toEqual([
      expect.objectContaining({ requestId: 'open', attempt: 1, amountNanoUsd: 50_000_000n, createdAt: AT }),
    ]);
    expect(verifyLedger(await ledger.snapshot())).toEqual([]);
    expect(await createSqliteRequestRecordRepository(database).find('done')).toMatchObject({
      chargedNanoUsd: 200_000_000n,
      status: 'completed',
    });
    expect(
      await createSqliteLedgerRecoveryRepository(database).findCheckpoint({ requestId: 'open', attempt: 1 }),
    ).toMatchObject({ costNanoUsd: 40_000_000n });
  });

  it('closes a hold opened before the migration, once, from the one balance row it now updates', async () => {
    const ledger = createSqliteLedgerRepository(database);
    expect((await ledger.settle({ requestId: 'open', attempt: 1, costNanoUsd: 40_000_000n })).outcome).toBe(
      'settled',
    );
    expect((await ledger.settle({ requestId: 'open', attempt: 1, costNanoUsd: 40_000_000n })).outcome).toBe(
      'already-settled',
    );
    expect(await ledger.balance(ACCOUNT, PERIOD)).toMatchObject({
      prepaidUsedNanoUsd: 240_000_000n,
      heldNanoUsd: 0n,
    });
    expect(verifyLedger(await ledger.snapshot())).toEqual([]);
  });

  it('still refuses a second hold or a second closing of one request attempt', () => {
    const insert = database.prepare(
      `INSERT INTO ledger_entries (account_id, period, kind, request_id, attempt, amount_nano_usd, created_at)
       VALUES (?, ?, ?, ?, 1, 1, ?)`,
    );
    expect(() => insert.run(ACCOUNT, PERIOD, 'hold', 'done', AT)).toThrow(/UNIQUE/);
    expect(() => insert.run(ACCOUNT, PERIOD, 'release', 'done', AT)).toThrow(/UNIQUE/);
    expect(() => insert.run(ACCOUNT, PERIOD, 'settle', 'open', AT)).not.toThrow();
  });
});
