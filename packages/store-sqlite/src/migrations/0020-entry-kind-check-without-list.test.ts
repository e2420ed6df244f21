import { verifyLedger } from '@tollgate/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { openSqliteDatabase } from '../open-sqlite-database.js';
import { createSqliteLedgerRepository } from '../sqlite-ledger-repository.js';
import { entryKindCheckWithoutList } from './0020-entry-kind-check-without-list.js';
import {
  insertLegacyLedger,
  LEGACY_ACCOUNT,
  LEGACY_AT,
  LEGACY_PERIOD,
  upgradedFrom,
} from './legacy-ledger.test-helpers.js';

const insertEntry = `INSERT INTO ledger_entries (sequence, account_id, period, kind, request_id, attempt,
  amount_nano_usd, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

describe('migration 20, entry-kind-check-without-list', () => {
  let database: ReturnType<typeof openSqliteDatabase>;
  beforeEach(() => {
    database = upgradedFrom(entryKindCheckWithoutList, (legacy) => {
      insertLegacyLedger(legacy);
      legacy
        .prepare('INSERT INTO ledger_account_balances VALUES (?, 1000000000, 200000000)')
        .run(LEGACY_ACCOUNT);
    });
  });
  afterEach(() => database.close());

  it('keeps every entry with its sequence, and the ledger verifies', async () => {
    const ledger = createSqliteLedgerRepository(database);
    expect(
      (await ledger.listEntries()).map((entry) => `${entry.sequence} ${entry.kind} ${entry.requestId}`),
    ).toEqual(['1 grant grant-1', '2 hold done', '3 settle done', '4 hold open']);
    expect(verifyLedger(await ledger.snapshot())).toEqual([]);
  });

  it('still refuses a kind that is not one of the four', () => {
    expect(() =>
      database.prepare(insertEntry).run(9, LEGACY_ACCOUNT, LEGACY_PERIOD, 'refund', 'r', 1, 1, LEGACY_AT),
    ).toThrow(/CHECK constraint failed/);
  });

  it('keeps one closing per (request, attempt) and one grant per id', () => {
    const insert = database.prepare(insertEntry);
    expect(() => insert.run(9, LEGACY_ACCOUNT, LEGACY_PERIOD, 'release', 'done', 1, 1, LEGACY_AT)).toThrow(
      /UNIQUE constraint failed/,
    );
    expect(() => insert.run(9, LEGACY_ACCOUNT, LEGACY_PERIOD, 'grant', 'grant-1', 0, 1, LEGACY_AT)).toThrow(
      /UNIQUE constraint failed/,
    );
  });

  it('checks the kind without building a table of the allowed names on every insert', () => {
    const program = database
      .prepare(`EXPLAIN ${insertEntry}`)
      .all(1, LEGACY_ACCOUNT, LEGACY_PERIOD, 'settle', 'x', 1, 1, LEGACY_AT) as { opcode: string }[];
    expect(program.map((step) => step.opcode)).not.toContain('OpenEphemeral');
    expect(program.length).toBeGreaterThan(0);
  });
});
