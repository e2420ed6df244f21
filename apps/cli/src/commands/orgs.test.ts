import path from 'node:path';
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

describe('tollgate orgs', () => {
  it('creates an organization with a plan and seats, as the billing terms in the store say', async () => {
    const cwd = temporaryDirectory();

    const run = await runTollgate(['orgs', 'create', 'acme', '--plan', 'team', '--seats', '3', '--json'], {
      cwd,
    });

    expect(run.exitCode).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output).toMatchObject({ organization: { name: 'acme' }, billing: { plan: 'team', seats: 3 } });
    const billing = await inStore(cwd, async (store) => {
      const organization = await store.organizations.findByName('acme');
      return store.billingAccounts.findOrganization(organization!.id);
    });
    expect(billing).toMatchObject({ plan: 'team', seats: 3, spendingLimitNanoUsd: undefined });
  });

  it('creates a provider organization without a plan, and refuses a taken name or a bad seat count', async () => {
    const cwd = temporaryDirectory();

    const created = await runTollgate(['orgs', 'create', 'fal'], { cwd });
    const taken = await runTollgate(['orgs', 'create', 'fal'], { cwd });
    const badSeats = await runTollgate(['orgs', 'create', 'other', '--seats', '0'], { cwd });

    expect(created.exitCode).toBe(0);
    expect(created.stdout).toBe('fal\n');
    expect(created.stderr).toContain('no plan');
    expect(taken.exitCode).toBe(1);
    expect(taken.stderr).toMatch(/^tollgate: [^\n]*'fal'/);
    expect(badSeats.exitCode).not.toBe(0);
    expect(badSeats.stderr).toContain('at least 1');
  });

  it('adds a member with a role, changes the role, and says what it did', async () => {
    const cwd = temporaryDirectory();
    await runTollgate(['orgs', 'create', 'fal'], { cwd });
    await runTollgate(['users', 'create', 'ada'], { cwd });

    const added = await runTollgate(['orgs', 'add-member', 'fal', 'ada', '--role', 'write'], { cwd });
    const again = await runTollgate(['orgs', 'add-member', 'fal', 'ada', '--role', 'write'], { cwd });
    const promoted = await runTollgate(['orgs', 'add-member', 'fal', 'ada', '--role', 'admin', '--json'], {
      cwd,
    });

    expect(added.stdout).toBe('added\n');
    expect(added.stderr).toContain("Added 'ada' as write of 'fal'");
    expect(again.stdout).toBe('unchanged\n');
    expect(JSON.parse(promoted.stdout)).toMatchObject({ outcome: 'updated', membership: { role: 'admin' } });
    const members = await inStore(cwd, async (store) => {
      const organization = await store.organizations.findByName('fal');
      return store.organizations.listMembers(organization!.id);
    });
    expect(members.map(({ user, membership }) => [user.name, membership.role])).toEqual([['ada', 'admin']]);
  });

  it('refuses an unknown organization, an unknown user and a missing or unknown role', async () => {
    const cwd = temporaryDirectory();
    await runTollgate(['users', 'create', 'ada'], { cwd });
    await runTollgate(['orgs', 'create', 'fal'], { cwd });

    const noOrg = await runTollgate(['orgs', 'add-member', 'nope', 'ada', '--role', 'read'], { cwd });
    const noUser = await runTollgate(['orgs', 'add-member', 'fal', 'nobody', '--role', 'read'], { cwd });
    const noRole = await runTollgate(['orgs', 'add-member', 'fal', 'ada'], { cwd });
    const badRole = await runTollgate(['orgs', 'add-member', 'fal', 'ada', '--role', 'owner'], { cwd });

    expect(noOrg.exitCode).toBe(1);
    expect(noOrg.stderr).toContain("No organization named 'nope'");
    expect(noUser.exitCode).toBe(1);
    expect(noUser.stderr).toContain("No user named 'nobody'");
    expect(noRole.exitCode).not.toBe(0);
    expect(noRole.stderr).toContain('--role');
    expect(badRole.exitCode).not.toBe(0);
    expect(badRole.stderr).toContain('owner');
  });
});

describe('tollgate users create --tier --admin', () => {
  it('stores the tier and the admin flag', async () => {
    const cwd = temporaryDirectory();

    const pro = await runTollgate(['users', 'create', 'ada', '--tier', 'pro', '--admin'], { cwd });
    const free = await runTollgate(['users', 'create', 'bob'], { cwd });

    expect(pro.exitCode).toBe(0);
    expect(free.exitCode).toBe(0);
    const [ada, bob] = await inStore(cwd, async (store) => {
      const users = await Promise.all(['ada', 'bob'].map((name) => store.users.findByName(name)));
      return Promise.all(
        users.map(async (user) => ({
          isAdmin: user!.isAdmin,
          tier: (await store.billingAccounts.findUser(user!.id))?.tier,
        })),
      );
    });
    expect(ada).toEqual({ isAdmin: true, tier: 'pro' });
    expect(bob).toEqual({ isAdmin: false, tier: 'free' });
  });

  it("sets and clears an organization's spending limit, exactly, and refuses garbage", async () => {
    const cwd = temporaryDirectory();
    await runTollgate(['orgs', 'create', 'acme', '--plan', 'team', '--seats', '2'], { cwd });
    const limitOf = () =>
      inStore(cwd, async (store) => {
        const organization = await store.organizations.findByName('acme');
        return (await store.billingAccounts.findOrganization(organization!.id))?.spendingLimitNanoUsd;
      });

    const set = await runTollgate(['orgs', 'set-limit', 'acme', '12.50', '--json'], { cwd });
    expect(set.exitCode).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({
      organization: { name: 'acme' },
      billing: { plan: 'team', seats: 2, spendingLimitUsd: '12.5' },
    });
    expect(await limitOf()).toBe(12_500_000_000n);

    const garbage = await runTollgate(['orgs', 'set-limit', 'acme', '-3'], { cwd });
    expect(garbage.exitCode).toBe(1);
    expect(garbage.stderr).toMatch(/'-3' is not a spending limit/);
    expect(await limitOf()).toBe(12_500_000_000n);

    const cleared = await runTollgate(['orgs', 'set-limit', 'acme', 'none'], { cwd });
    expect(cleared.stdout).toBe('none\n');
    expect(await limitOf()).toBeUndefined();
    const unknown = await runTollgate(['orgs', 'set-limit', 'nobody', '1'], { cwd });
    expect(unknown.stderr).toMatch(/No organization named 'nobody'/);
  });
});
