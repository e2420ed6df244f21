import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServerConfig } from './load-server-config.js';
import { ServerConfigError } from './server-config-error.js';
import { useTemporaryDirectories } from './temporary-directory.test-helpers.js';

describe('loadServerConfig routing', () => {
  const temporaryDirectory = useTemporaryDirectories();

  function configFile(content: unknown): string {
    const file = path.join(temporaryDirectory(), 'tollgate.config.json');
    writeFileSync(file, JSON.stringify(content));
    return file;
  }

  it('leaves routing to the kernel defaults when the file says nothing', async () => {
    const config = await loadServerConfig({ env: {}, cwd: temporaryDirectory() });
    expect(config.routing).toBeUndefined();
  });

  it('reads failover, circuit breaker and settings cache from the config file', async () => {
    const routing = {
      failover: { maxAttempts: 2, deadlineMs: 10_000 },
      circuitBreaker: { failureThreshold: 3, coolDownMs: 5_000 },
      settingsCacheTtlMs: 1_000,
    };
    const config = await loadServerConfig({ options: { config: configFile({ routing }) }, env: {} });
    expect(config.routing).toEqual(routing);
  });

  it.each([
    [{ failover: { maxAttempts: 0 } }, 'routing.failover.maxAttempts'],
    [{ circuitBreaker: { failureThreshold: 1.5 } }, 'routing.circuitBreaker.failureThreshold'],
    [{ failover: { retries: 2 } }, 'routing.failover.retries'],
  ])('refuses %j naming the field', async (routing, field) => {
    const error = await loadServerConfig({ options: { config: configFile({ routing }) }, env: {} }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ServerConfigError);
    expect((error as ServerConfigError).field).toBe(field);
  });
});
