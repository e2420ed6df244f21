import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServerConfig } from './load-server-config.js';
import { ServerConfigError } from './server-config-error.js';
import { useTemporaryDirectories } from './temporary-directory.test-helpers.js';

describe('loadServerConfig performance', () => {
  const temporaryDirectory = useTemporaryDirectories();

  function configFile(content: unknown): string {
    const file = path.join(temporaryDirectory(), 'tollgate.config.json');
    writeFileSync(file, JSON.stringify(content));
    return file;
  }

  it('probes by default, on the kernel’s schedule', async () => {
    const config = await loadServerConfig({ env: {}, cwd: temporaryDirectory() });
    expect(config.performance).toEqual({ prober: { enabled: true } });
  });

  it('reads the measurement and prober settings from the config file, down to seconds', async () => {
    const performance = {
      flushIntervalMs: 1_000,
      refreshIntervalMs: 500,
      prober: {
        healthyIntervalMs: 60_000,
        unhealthyIntervalMs: 2_000,
        checkIntervalMs: 1_000,
        timeoutMs: 10_000,
        maxFirstTokenMs: 3_000,
        capabilities: false,
        concurrency: 4,
      },
    };
    const config = await loadServerConfig({ options: { config: configFile({ performance }) }, env: {} });
    expect(config.performance).toEqual({ ...performance, prober: { enabled: true, ...performance.prober } });
  });

  it('lets the operator turn the prober off', async () => {
    const config = await loadServerConfig({
      options: { config: configFile({ performance: { prober: { enabled: false } } }) },
      env: {},
    });
    expect(config.performance?.prober?.enabled).toBe(false);
  });

  it.each([
    [{ prober: { healthyIntervalMs: 0 } }, 'performance.prober.healthyIntervalMs'],
    [{ prober: { every: '6h' } }, 'performance.prober.every'],
    [{ flushIntervalMs: -1 }, 'performance.flushIntervalMs'],
  ])('refuses %j naming the field', async (performance, field) => {
    const error = await loadServerConfig({ options: { config: configFile({ performance }) }, env: {} }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ServerConfigError);
    expect((error as ServerConfigError).field).toBe(field);
  });
});
