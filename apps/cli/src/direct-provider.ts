/** `--direct --provider ID [--provider-key KEY]`: a client command calls the provider itself, no gateway involved. */
import { createDirectProviderClient, type DirectProviderClient } from '@tollgate/core';
import { Option } from 'commander';
import type { CliContext } from './cli-context.js';
import { CliError } from './cli-error.js';
import { deploymentPlugins } from './deployment-plugins.js';

export interface DirectFlags {
  readonly direct?: boolean;
  readonly provider?: string;
  readonly providerKey?: string;
  readonly root?: string;
  readonly config?: string;
}

/** The options `chat` and `image` share for direct calls. */
export function directOptions(): Option[] {
  return [
    new Option('--direct', 'call the provider directly with your own key, not through a gateway'),
    new Option('--provider <id>', 'with --direct: the provider to call, e.g. groq or fal-ai'),
    new Option(
      '--provider-key <key>',
      "with --direct: the provider's API key (default: its own variable, e.g. $GROQ_API_KEY)",
    ),
    new Option('--root <dir>', 'with --direct: the deployment root whose plugins can be called'),
  ];
}

/**
 * A direct client for `--provider` through its plugin in the deployment, with the key from `--provider-key` or the
 * plugin's variable, and `TOLLGATE_PROVIDER_<ID>_BASE_URL` honoured.
 *
 * @example const client = await openDirectProvider(options, context);
 */
export async function openDirectProvider(
  flags: DirectFlags,
  context: CliContext,
): Promise<DirectProviderClient> {
  if (!flags.provider) throw new CliError('--direct needs --provider <id>: the provider to call.');
  const plugins = await deploymentPlugins(flags, context);
  const plugin = plugins.get(flags.provider);
  if (!plugin) {
    throw new CliError(
      `Unknown provider '${flags.provider}': this deployment has ${[...plugins.keys()].sort().join(', ')}.`,
    );
  }
  return createDirectProviderClient({
    plugin,
    env: context.env,
    ...(flags.providerKey ? { apiKey: flags.providerKey } : {}),
  });
}
