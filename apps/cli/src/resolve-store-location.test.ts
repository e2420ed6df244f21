import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliContext } from './cli-context.js';
import { resolveStoreLocation } from './resolve-store-location.js';
import { captureText, temporaryDirectory } from './run-cli.test-helpers.js';

function contextIn(cwd: string, env: Record<string, string> = {}): CliContext {
  return { stdout: captureText(), stderr: captureText(), env, cwd };
}

describe('resolveStoreLocation', () => {
  it('defaults to SQLite in .tollgate in the working directory, like the server', async () => {
    const cwd = temporaryDirectory();

    expect(await resolveStoreLocation({}, contextIn(cwd))).toEqual({ dataDir: path.join(cwd, '.tollgate') });
  });

  it('resolves --data-dir against the working directory and prefers it over TOLLGATE_DATA_DIR', async () => {
    const cwd = temporaryDirectory();
    const context = contextIn(cwd, { TOLLGATE_DATA_DIR: '/elsewhere' });

    expect((await resolveStoreLocation({ dataDir: 'state' }, context)).dataDir).toBe(path.join(cwd, 'state'));
    expect((await resolveStoreLocation({}, context)).dataDir).toBe('/elsewhere');
  });

  it('follows a config file that moves the data directory, as the gateway would', async () => {
    const cwd = temporaryDirectory();
    writeFileSync(path.join(cwd, 'gateway.json'), JSON.stringify({ dataDir: './db' }));

    expect((await resolveStoreLocation({ config: 'gateway.json' }, contextIn(cwd))).dataDir).toBe(
      path.join(cwd, 'db'),
    );
  });

  it('takes the PostgreSQL URL from --database-url, else TOLLGATE_DATABASE_URL', async () => {
    const cwd = temporaryDirectory();
    const context = contextIn(cwd, { TOLLGATE_DATABASE_URL: 'postgres://db.internal/tollgate' });

    expect(await resolveStoreLocation({}, context)).toEqual({
      dataDir: path.join(cwd, '.tollgate'),
      databaseUrl: 'postgres://db.internal/tollgate',
    });
    expect(
      (await resolveStoreLocation({ databaseUrl: 'postgresql://127.0.0.1:5432/test' }, context)).databaseUrl,
    ).toBe('postgresql://127.0.0.1:5432/test');
  });
});
