import { verifyLedger } from '@tollgate/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { openSqliteDatabase } from '../open-sqlite-database.js';
import { createSqliteLedgerRecoveryRepository } from '../sqlite-ledger-recovery-repository.js';
import { createSqliteLedgerRepository } from '../sqlite-ledger-repository.js';
import { createSqliteRequestRecordRepository } from '../sqlite-request-record-repository.js';
import { leanLedgerTables } from './0018-lean-ledger-tables.js';
import {
  insertLegacyLedger,
  LEGACY_ACCOUNT,
  LEGACY_AT,
  LEGACY_PERIOD,
  upgradedFrom,
} from './legacy-ledger.test-helpers.js';

const ACCOUNT = LEGACY_ACCOUNT;
const PERIOD = LEGACY_PERIOD;
const AT = LEGACY_AT;

describe('migration 18, lean-ledger-tables', () => {
  let database: ReturnType<typeof openSqliteDatabase>;
  beforeEach(() => {
    // A ledger as migration 17 left it (the account's held total a column of its own), with the open hold checkpointed.
    database = upgradedFrom(leanLedgerTables, (legacy) => {
      insertLegacyLedger(legacy);
      legacy
        .prepare('INSERT INTO ledger_account_balances VALUES (?, 1000000000, 200000000, 50000000)')
        .run(ACCOUNT);
      legacy
        .prepare(
          `INSERT INTO request_records (request_id, account_id, user_id, token_id, task, input_tokens, output_tokens,
             cost_nano_usd, charged_nano_usd, billing_mode, status, http_status, latency_ms, streamed, created_at)
           VALUES ('done', ?, ?, 'token-1', 'conversational', 10, 20, 200000000, 200000000, 'routed', 'completed',
             200, 12, 0, ?)`,
        )
        .run(ACCOUNT, ACCOUNT, AT);
      legacy.prepare(`INSERT INTO ledger_checkpoints VALUES ('open', 1, 40000000, ?, NULL)`).run(AT);
    });
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
