import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ProviderKeyCipher, ProviderKeyVault, parseMasterKey } from '@tollgate/core';
import { openSqliteStoreInDataDir } from '@tollgate/store-sqlite';
import { describe, expect, it } from 'vitest';
import { runTollgate, temporaryDirectory } from '../run-cli.test-helpers.js';

const masterKey = randomBytes(32).toString('base64');
const env = { TOLLGATE_MASTER_KEY: masterKey };
const groqKey = 'gsk_cli_8Vn3Qr6Tz1Lw4Ye0';

/** What the gateway on this data dir, with the same master key, would route with. */
async function gatewayVault<T>(cwd: string, read: (vault: ProviderKeyVault) => Promise<T>) {
  const store = openSqliteStoreInDataDir(path.join(cwd, '.tollgate'));
  try {
    const cipher = new ProviderKeyCipher({ current: parseMasterKey(masterKey), previous: [] });
    return await read(new ProviderKeyVault({ repository: store.providerKeys, cipher }));
  } finally {
    await store.close();
  }
}

async function deploymentWithAliceAndAcme(): Promise<{ cwd: string; aliceId: string; acmeId: string }> {
  const cwd = temporaryDirectory();
  expect((await runTollgate(['users', 'create', 'alice'], { cwd })).exitCode).toBe(0);
  expect((await runTollgate(['orgs', 'create', 'acme', '--plan', 'team'], { cwd })).exitCode).toBe(0);
  const store = openSqliteStoreInDataDir(path.join(cwd, '.tollgate'));
  try {
    const aliceId = (await store.users.findByName('alice'))!.id;
    const acmeId = (await store.organizations.findByName('acme'))!.id;
    return { cwd, aliceId, acmeId };
  } finally {
    await store.close();
  }
}

describe('tollgate keys', () => {
  it('sets a user’s key from --key and an organization’s from stdin, sealed, and lists neither', async () => {
    const { cwd, aliceId, acmeId } = await deploymentWithAliceAndAcme();

    const forAlice = await runTollgate(['keys', 'set', 'alice', 'groq', '--key', groqKey], { cwd, env });
    const forAcme = await runTollgate(['keys', 'set', 'acme', 'fal-ai'], {
      cwd,
      env,
      stdin: Readable.from(['fal_key_from_a_pipe_42\n']),
    });

    expect(forAlice.exitCode).toBe(0);
    expect(forAlice.stderr).toContain(`user 'alice'`);
    expect(forAlice.stderr).toContain(`…${groqKey.slice(-4)}`);
    expect(forAcme.exitCode).toBe(0);
    expect(await gatewayVault(cwd, (vault) => vault.keysOf(aliceId))).toEqual(new Map([['groq', groqKey]]));
    expect(await gatewayVault(cwd, (vault) => vault.reveal(acmeId, 'fal-ai'))).toBe('fal_key_from_a_pipe_42');

    const listed = await runTollgate(['keys', 'list', 'alice', '--json'], { cwd });
    expect(listed.exitCode).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({
      account: { kind: 'user', name: 'alice' },
      keys: [{ provider: 'groq', suffix: groqKey.slice(-4) }],
    });
    expect(listed.stdout).not.toContain(groqKey.slice(0, -4));
    const table = await runTollgate(['keys', 'list', 'acme'], { cwd });
    expect(table.stdout).toMatch(/fal-ai\s+…e_42\s+mk-[0-9a-f]{8}/);
  });

  it('refuses an unknown provider with the known ones, and an unknown account', async () => {
    const { cwd } = await deploymentWithAliceAndAcme();

    const unknownProvider = await runTollgate(['keys', 'set', 'alice', 'grok', '--key', groqKey], {
      cwd,
      env,
    });
    const unknownAccount = await runTollgate(['keys', 'set', 'bob', 'groq', '--key', groqKey], { cwd, env });

    expect(unknownProvider.exitCode).toBe(1);
    expect(unknownProvider.stderr).toMatch(
      /Unknown provider 'grok': this deployment has .*fal-ai.*groq.*together/,
    );
    expect(unknownAccount.exitCode).toBe(1);
    expect(unknownAccount.stderr).toContain("No user or organization named 'bob'");
  });

  it('says how to fix a missing or malformed master key, and stores nothing', async () => {
    const { cwd, aliceId } = await deploymentWithAliceAndAcme();

    const missing = await runTollgate(['keys', 'set', 'alice', 'groq', '--key', groqKey], { cwd, env: {} });
    const malformed = await runTollgate(['keys', 'set', 'alice', 'groq', '--key', groqKey], {
      cwd,
      env: { TOLLGATE_MASTER_KEY: 'not-32-bytes' },
    });

    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain('set TOLLGATE_MASTER_KEY to 32 random bytes');
    expect(malformed.exitCode).toBe(1);
    expect(malformed.stderr).toContain('TOLLGATE_MASTER_KEY must be 32 random bytes');
    expect(await gatewayVault(cwd, (vault) => vault.list(aliceId))).toEqual([]);
  });

  it('removes a key, and says so when there is none', async () => {
    const { cwd, aliceId } = await deploymentWithAliceAndAcme();
    await runTollgate(['keys', 'set', 'alice', 'groq', '--key', groqKey], { cwd, env });

    const removed = await runTollgate(['keys', 'remove', 'alice', 'groq', '--json'], { cwd });
    const again = await runTollgate(['keys', 'remove', 'alice', 'groq'], { cwd });

    expect(removed.exitCode).toBe(0);
    expect(JSON.parse(removed.stdout)).toMatchObject({
      account: { id: aliceId, name: 'alice' },
      removed: { providerId: 'groq' },
    });
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain('has no groq key');
    expect(await gatewayVault(cwd, (vault) => vault.list(aliceId))).toEqual([]);
  });
});
