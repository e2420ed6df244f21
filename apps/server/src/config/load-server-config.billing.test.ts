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

  it('reads the stream checkpoints’ interval and the crash reconciler’s schedule, for the kernel as they are', async () => {
    const billing = {
      checkpointIntervalMs: 500,
      reconciler: { enabled: true, graceMs: 600_000, intervalMs: 30_000, batchSize: 100, leaseMs: 60_000 },
    };
    const file = configFile({ billing });
    expect((await loadServerConfig({ options: { config: file }, env: {} })).billing).toEqual(billing);
    expect(
      (await loadServerConfig({ options: { config: file }, env: { TOLLGATE_BILLING: '0' } })).billing,
    ).toEqual({ ...billing, enabled: false });
  });

  it('reads the estimated cost factor as the exact decimal or ratio it was written as', async () => {
    for (const estimatedCostFactor of ['1.5', '5/4', '1']) {
      const file = configFile({ billing: { estimatedCostFactor } });
      expect((await loadServerConfig({ options: { config: file }, env: {} })).billing).toEqual({
        estimatedCostFactor,
      });
    }
  });

  it.each<[{ env?: NodeJS.ProcessEnv; file?: unknown }, string]>([
    [{ file: { billing: { checkpointIntervalMs: -1 } } }, 'billing.checkpointIntervalMs'],
    [{ file: { billing: { reconciler: { graceMs: 1.5 } } } }, 'billing.reconciler.graceMs'],
    [{ file: { billing: { reconciler: { batchSize: 0 } } } }, 'billing.reconciler.batchSize'],
    [{ file: { billing: { reconciler: { every: 5 } } } }, 'billing.reconciler.every'],
    [{ env: { TOLLGATE_BILLING: 'maybe' } }, 'TOLLGATE_BILLING'],
    [{ file: { billing: { defaultMaxOutputTokens: 0 } } }, 'billing.defaultMaxOutputTokens'],
    [{ file: { billing: { charge: false } } }, 'billing.charge'],
    [{ file: { billing: { estimatedCostFactor: 1.25 } } }, 'billing.estimatedCostFactor'],
    [{ file: { billing: { estimatedCostFactor: '1e3' } } }, 'billing.estimatedCostFactor'],
    [{ file: { billing: { estimatedCostFactor: '3/4' } } }, 'billing.estimatedCostFactor'],
  ])('refuses %j naming the field', async ({ env = {}, file }, field) => {
    const error = await loadServerConfig({
      ...(file ? { options: { config: configFile(file) } } : { cwd: temporaryDirectory() }),
      env,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerConfigError);
    expect((error as ServerConfigError).field).toBe(field);
  });
});
