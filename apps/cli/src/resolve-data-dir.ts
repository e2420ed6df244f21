/** Where a deployment keeps its state (the SQLite store), resolved exactly as `tollgate serve` resolves it. */
import { loadServerConfig } from '@tollgate/server';
import type { CliContext } from './cli-context.js';

export interface DataDirFlags {
  readonly dataDir?: string;
  readonly config?: string;
}

/**
 * `--data-dir`, else `TOLLGATE_DATA_DIR`, else the config file's `dataDir`, else `<cwd>/.tollgate`. Going
 * through the server's own config loader keeps admin commands and the gateway on the same database.
 *
 * @example
 * await resolveDataDir({}, { ...context, cwd: '/srv/gateway' }); // '/srv/gateway/.tollgate'
 */
export async function resolveDataDir(flags: DataDirFlags, context: CliContext): Promise<string> {
  const config = await loadServerConfig({
    options: { dataDir: flags.dataDir, config: flags.config },
    env: context.env,
    cwd: context.cwd,
  });
  return config.dataDir;
}
