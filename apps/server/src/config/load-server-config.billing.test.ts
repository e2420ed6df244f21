import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServerConfig } from './load-server-config.js';
import { ServerConfigError } from './server-config-error.js';
import { useTemporaryDirectories } from './temporary-directory.test-helpers.js';

describe('loadServerConfig billing', () => {
  const temporaryDirectory = useTemporaryDirectories();

  function configFile(content: unknown): string {
    const file = path.join(temporaryDirectory(), 'tollgate.config.json');
    writeFileSync(file, JSON.stringify(content));
    return file;
  }

  it('leaves billing to the kernel’s default (on) when nothing is said', async () => {
    const config = await loadServerConfig({ env: {}, cwd: temporaryDirectory() });
    expect(config.billing).toBeUndefined();
  });

  it('reads billing from the config file, and TOLLGATE_BILLING wins over it', async () => {
    const billing = { enabled: true, defaultMaxOutputTokens: 2048, minimumOutputTokens: 4 };
    const file = configFile({ billing });
    expect((await loadServerConfig({ options: { config: file }, env: {} })).billing).toEqual(billing);
    expect(
      (await loadServerConfig({ options: { config: file }, env: { TOLLGATE_BILLING: 'off' } })).billing,
    ).toEqual({ ...billing, enabled: false });
    expect(
      (await loadServerConfig({ env: { TOLLGATE_BILLING: '0' }, cwd: temporaryDirectory() })).billing,
    ).toEqual({ enabled: false });
  });

  it.each<[{ env?: NodeJS.ProcessEnv; file?: unknown }, string]>([
    [{ env: { TOLLGATE_BILLING: 'maybe' } }, 'TOLLGATE_BILLING'],
    [{ file: { billing: { defaultMaxOutputTokens: 0 } } }, 'billing.defaultMaxOutputTokens'],
    [{ file: { billing: { charge: false } } }, 'billing.charge'],
  ])('refuses %j naming the field', async ({ env = {}, file }, field) => {
    const error = await loadServerConfig({
      ...(file ? { options: { config: configFile(file) } } : { cwd: temporaryDirectory() }),
      env,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerConfigError);
    expect((error as ServerConfigError).field).toBe(field);
  });
});
