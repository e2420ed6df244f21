/** The provider plugins a deployment's gateway loads, found the way `tollgate serve` finds them. */
import path from 'node:path';
import { discoverPlugins, type PluginDiscoveryReport } from '@tollgate/core';
import { loadServerConfig } from '@tollgate/server';
import type { CliContext } from './cli-context.js';

/**
 * The plugins listed in the deployment root's package.json (`--root`/`$TOLLGATE_ROOT`/the config file, else the
 * server's own), by id.
 *
 * @example const plugins = await deploymentPlugins({ config: options.config }, context);
 */
export async function deploymentPlugins(
  flags: { readonly config?: string; readonly root?: string },
  context: CliContext,
): Promise<ReadonlyMap<string, PluginDiscoveryReport['loaded'][number]['plugin']>> {
  const config = await loadServerConfig({
    options: { config: flags.config, root: flags.root },
    env: context.env,
    cwd: context.cwd,
  });
  const report = await discoverPlugins({ root: path.resolve(config.root) });
  return new Map(report.loaded.map(({ plugin }) => [plugin.id, plugin]));
}
