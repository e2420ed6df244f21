import path from 'node:path';
import { openSqliteDatabase, openSqliteStoreInDataDir } from '@tollgate/store-sqlite';
import { describe, expect, it } from 'vitest';
import { runTollgate, temporaryDirectory } from '../run-cli.test-helpers.js';

const allowance = { includedNanoUsd: 100_000_000n, payAsYouGoLimitNanoUsd: 0n };

/** A small ledger with every kind of entry: a grant, a settled hold, a released one and one still open. */
async function writeLedger(dataDir: string): Promise<void> {
  const store = openSqliteStoreInDataDir(dataDir);
  try {
    await store.migrate();
    const ledger = store.ledger;
    await ledger.grant({ accountId: 'acct', period: '2026-12', grantId: 'g1', amountNanoUsd: 5_000_000n });
    for (const requestId of ['r1', 'r2', 'r3']) {
      await ledger.reserve({
        accountId: 'acct',
        period: '2026-12',
        requestId,
        attempt: 1,
        amountNanoUsd: 2_000_000n,
        allowance,
      });
    }
    await ledger.settle({ requestId: 'r1', attempt: 1, costNanoUsd: 1_500_000n });
    await ledger.release({ requestId: 'r2', attempt: 1 });
  } finally {
    await store.close();
  }
}

describe('tollgate ledger verify', () => {
  it('reports a sound ledger and exits 0', async () => {
    const cwd = temporaryDirectory();
    const dataDir = path.join(cwd, '.tollgate');
    await writeLedger(dataDir);

    const text = await runTollgate(['ledger', 'verify'], { cwd });
    const json = await runTollgate(['ledger', 'verify', '--data-dir', dataDir, '--json'], { cwd });

    expect(text.exitCode).toBe(0);
    expect(text.stdout).toContain('Entries: 6 (3 holds, 1 settlements, 1 releases, 1 grants)');
    expect(text.stdout).toContain('Open holds: 1');
    expect(text.stdout).toContain('Ledger verified');
    expect(json.exitCode).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      verified: true,
      counts: { entries: 6, openHolds: 1 },
      violations: [],
    });
  });

  it('finds a materialized balance edited in the database, and exits 1', async () => {
    const cwd = temporaryDirectory();
    const dataDir = path.join(cwd, '.tollgate');
    await writeLedger(dataDir);
    const database = openSqliteDatabase(path.join(dataDir, 'tollgate.db'));
    // What a bad manual fix would do: hand the account its spent included credits back.
    database
      .prepare("UPDATE ledger_period_balances SET included_used_nano_usd = 0 WHERE account_id = 'acct'")
      .run();
    database.close();

    const text = await runTollgate(['ledger', 'verify'], { cwd });
    const json = await runTollgate(['ledger', 'verify', '--json'], { cwd });

    expect(text.exitCode).toBe(1);
    expect(text.stdout).toContain('Ledger NOT verified: 1 violation(s):');
    expect(text.stdout).toContain(
      "balance_mismatch: Period acct 2026-12's included used is 0 but its entries sum to 1500000.",
    );
    expect(text.stderr).toBe('tollgate: The ledger breaks 1 invariant(s); see the report above.\n');
    expect(json.exitCode).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      verified: false,
      violations: [{ code: 'balance_mismatch' }],
    });
  });

  it('finds a request charged twice (a second settlement of another attempt)', async () => {
    const cwd = temporaryDirectory();
    const dataDir = path.join(cwd, '.tollgate');
    await writeLedger(dataDir);
    const store = openSqliteStoreInDataDir(dataDir);
    await store.migrate();
    // A second attempt of r1 settled too: the database allows it per attempt, the invariant does not.
    await store.ledger.reserve({
      accountId: 'acct',
      period: '2026-12',
      requestId: 'r1',
      attempt: 2,
      amountNanoUsd: 1_000_000n,
      allowance,
    });
    await store.ledger.settle({ requestId: 'r1', attempt: 2, costNanoUsd: 1_000_000n });
    await store.close();

    const run = await runTollgate(['ledger', 'verify', '--json'], { cwd });

    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.stdout).violations).toEqual([
      expect.objectContaining({ code: 'request_charged_twice' }),
    ]);
  });

  it('says there is no database in a mistyped --data-dir', async () => {
    const cwd = temporaryDirectory();

    const run = await runTollgate(['ledger', 'verify', '--data-dir', 'typo'], { cwd });

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^tollgate: No Tollgate database in \S+typo/);
  });
});
