/** Where a deployment keeps its state (PostgreSQL or SQLite), resolved exactly as `tollgate serve` resolves it. */
import { type GatewayStoreLocation, loadServerConfig } from '@tollgate/server';
import type { CliContext } from './cli-context.js';

export interface StoreLocationFlags {
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly config?: string;
}

/**
 * The database URL from `--database-url`, else `TOLLGATE_DATABASE_URL` (none means SQLite); and the data directory
 * from `--data-dir`, else `TOLLGATE_DATA_DIR`, else the config file's `dataDir`, else `<cwd>/.tollgate`. Going
 * through the server's own config loader keeps admin commands and the gateway on the same database.
 *
 * @example
 * await resolveStoreLocation({}, { ...context, cwd: '/srv/gateway' }); // { dataDir: '/srv/gateway/.tollgate' }
 */
export async function resolveStoreLocation(
  flags: StoreLocationFlags,
  context: CliContext,
): Promise<GatewayStoreLocation> {
  const config = await loadServerConfig({
    options: { dataDir: flags.dataDir, databaseUrl: flags.databaseUrl, config: flags.config },
    env: context.env,
    cwd: context.cwd,
  });
  return config.databaseUrl === undefined
    ? { dataDir: config.dataDir }
    : { dataDir: config.dataDir, databaseUrl: config.databaseUrl };
}
