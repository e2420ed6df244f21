import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliContext } from './cli-context.js';
import { resolveDataDir } from './resolve-data-dir.js';
import { captureText, temporaryDirectory } from './run-cli.test-helpers.js';

function contextIn(cwd: string, env: Record<string, string> = {}): CliContext {
  return { stdout: captureText(), stderr: captureText(), env, cwd };
}

describe('resolveDataDir', () => {
  it('defaults to .tollgate in the working directory, like the server', async () => {
    const cwd = temporaryDirectory();

    expect(await resolveDataDir({}, contextIn(cwd))).toBe(path.join(cwd, '.tollgate'));
  });

  it('resolves --data-dir against the working directory and prefers it over TOLLGATE_DATA_DIR', async () => {
    const cwd = temporaryDirectory();
    const context = contextIn(cwd, { TOLLGATE_DATA_DIR: '/elsewhere' });

    expect(await resolveDataDir({ dataDir: 'state' }, context)).toBe(path.join(cwd, 'state'));
    expect(await resolveDataDir({}, context)).toBe('/elsewhere');
  });

  it('follows a config file that moves the data directory, as the gateway would', async () => {
    const cwd = temporaryDirectory();
    writeFileSync(path.join(cwd, 'gateway.json'), JSON.stringify({ dataDir: './db' }));

    expect(await resolveDataDir({ config: 'gateway.json' }, contextIn(cwd))).toBe(path.join(cwd, 'db'));
  });
});
