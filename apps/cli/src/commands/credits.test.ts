import path from 'node:path';
import { billingPeriodOf } from '@tollgate/core';
import { openSqliteStoreInDataDir } from '@tollgate/store-sqlite';
import { describe, expect, it } from 'vitest';
import { runTollgate, temporaryDirectory } from '../run-cli.test-helpers.js';

async function inStore<T>(
  cwd: string,
  read: (store: ReturnType<typeof openSqliteStoreInDataDir>) => Promise<T>,
) {
  const store = openSqliteStoreInDataDir(path.join(cwd, '.tollgate'));
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

const prepaidOf = (cwd: string, name: string) =>
  inStore(cwd, async (store) => {
    const id = (await store.users.findByName(name))?.id ?? (await store.organizations.findByName(name))?.id;
    const balance = await store.ledger.balance(id!, billingPeriodOf(new Date()));
    return balance.prepaidGrantedNanoUsd;
  });

describe('tollgate credits', () => {
  it('adds prepaid credits to a user, exactly, and once per grant id', async () => {
    const cwd = temporaryDirectory();
    await runTollgate(['users', 'create', 'ada'], { cwd });

    const added = await runTollgate(
      ['credits', 'add', 'ada', '10.000000001', '--grant-id', 'pay-1', '--json'],
      {
        cwd,
      },
    );
    const again = await runTollgate(['credits', 'add', 'ada', '10.000000001', '--grant-id', 'pay-1'], {
      cwd,
    });

    expect(added.exitCode).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({
      account: { kind: 'user', name: 'ada' },
      grant: { id: 'pay-1', amountUsd: '10.000000001', outcome: 'granted' },
      prepaidRemainingUsd: '10.000000001',
    });
    expect(again.exitCode).toBe(0);
    expect(again.stderr).toContain('already added; nothing changed');
    expect(await prepaidOf(cwd, 'ada')).toBe(10_000_000_001n);
  });

  it("adds to an organization's account and shows its credits", async () => {
    const cwd = temporaryDirectory();
    await runTollgate(['orgs', 'create', 'acme', '--plan', 'team', '--seats', '3'], { cwd });

    const added = await runTollgate(['credits', 'add', 'acme', '25'], { cwd });
    const shown = await runTollgate(['credits', 'show', 'acme', '--json'], { cwd });
    const table = await runTollgate(['credits', 'show', 'acme'], { cwd });

    expect(added.exitCode).toBe(0);
    expect(added.stderr).toContain("organization 'acme'");
    expect(await prepaidOf(cwd, 'acme')).toBe(25_000_000_000n);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      account: { kind: 'organization', name: 'acme' },
      plan: 'team',
      includedUsd: '6',
      prepaidRemainingUsd: '25',
      payAsYouGoLimitUsd: null,
    });
    expect(table.stdout).toMatch(/organization acme/);
  });

  it.each([['-5'], ['ten'], ['1e3'], ['0'], ['0.0000000001']])(
    'refuses the amount %s and adds nothing',
    async (amount) => {
      const cwd = temporaryDirectory();
      await runTollgate(['users', 'create', 'ada'], { cwd });

      const run = await runTollgate(['credits', 'add', 'ada', amount], { cwd });

      expect(run.exitCode).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(await prepaidOf(cwd, 'ada')).toBe(0n);
    },
  );

  it('refuses a grant id reused with another amount, and an unknown account', async () => {
    const cwd = temporaryDirectory();
    await runTollgate(['users', 'create', 'ada'], { cwd });
    await runTollgate(['credits', 'add', 'ada', '5', '--grant-id', 'pay-1'], { cwd });

    const reused = await runTollgate(['credits', 'add', 'ada', '6', '--grant-id', 'pay-1'], { cwd });
    const unknown = await runTollgate(['credits', 'add', 'nobody', '5'], { cwd });

    expect(reused.exitCode).toBe(1);
    expect(reused.stderr).toMatch(/already added \$5, not \$6/);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toMatch(/No user or organization named 'nobody'/);
    expect(await prepaidOf(cwd, 'ada')).toBe(5_000_000_000n);
  });
});
