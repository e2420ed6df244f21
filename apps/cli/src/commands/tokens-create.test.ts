import path from 'node:path';
import { hashAccessToken } from '@tollgate/core';
import { openSqliteStoreInDataDir } from '@tollgate/store-sqlite';
import { describe, expect, it } from 'vitest';
import { runTollgate, temporaryDirectory } from '../run-cli.test-helpers.js';

describe('tollgate tokens create', () => {
  it('issues a second, different token for an existing user, both of which authenticate', async () => {
    const cwd = temporaryDirectory();
    const first = (await runTollgate(['users', 'create', 'alice'], { cwd })).stdout.trim();

    const run = await runTollgate(['tokens', 'create', 'alice', '--name', 'ci'], { cwd });
    const second = run.stdout.trim();

    expect(run.exitCode).toBe(0);
    expect(second).toMatch(/^hf_[A-Za-z]{34}$/);
    expect(second).not.toBe(first);
    const store = openSqliteStoreInDataDir(path.join(cwd, '.tollgate'));
    try {
      expect((await store.tokens.findActiveByHash(hashAccessToken(first)))?.token.name).toBe('default');
      expect((await store.tokens.findActiveByHash(hashAccessToken(second)))?.token.name).toBe('ci');
    } finally {
      await store.close();
    }
  });

  it('fails with one line for an unknown user', async () => {
    const cwd = temporaryDirectory();
    await runTollgate(['users', 'create', 'alice'], { cwd });

    const run = await runTollgate(['tokens', 'create', 'mallory'], { cwd });

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("tollgate: No user named 'mallory': see `tollgate users list`.\n");
  });

  it('issues a token without the inference permission with --no-inference, and lists what each token may do', async () => {
    const cwd = temporaryDirectory();
    await runTollgate(['users', 'create', 'alice'], { cwd });

    const run = await runTollgate(['tokens', 'create', 'alice', '--name', 'ci', '--no-inference', '--json'], {
      cwd,
    });
    const listed = await runTollgate(['tokens', 'list', 'alice', '--json'], { cwd });
    const table = await runTollgate(['tokens', 'list', 'alice'], { cwd });

    expect(run.exitCode).toBe(0);
    const issued = JSON.parse(run.stdout) as { token: { value: string; permissions: string[] } };
    expect(issued.token.permissions).toEqual([]);
    const store = openSqliteStoreInDataDir(path.join(cwd, '.tollgate'));
    try {
      const found = await store.tokens.findActiveByHash(hashAccessToken(issued.token.value));
      expect(found?.token.permissions).toEqual([]);
    } finally {
      await store.close();
    }
    const tokens = (JSON.parse(listed.stdout) as { tokens: { name: string; permissions: string[] }[] })
      .tokens;
    expect(tokens.map(({ name, permissions }) => ({ name, permissions }))).toEqual([
      { name: 'default', permissions: ['inference.serverless.write'] },
      { name: 'ci', permissions: [] },
    ]);
    expect(table.stdout).toMatch(/PERMISSIONS/);
    expect(table.stdout).toMatch(/default .*inference\.serverless\.write/);
  });
});
