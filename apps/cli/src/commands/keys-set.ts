/**
 * `tollgate keys set ACCOUNT PROVIDER [--key KEY]`: stores a user's or an organization's own key for a provider,
 * sealed under `TOLLGATE_MASTER_KEY`. The key comes from `--key`, else piped stdin, else a prompt that does not
 * echo it (so it need not appear in the shell's history).
 */
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { configOption, databaseUrlOption, dataDirOption, jsonOption } from '../common-options.js';
import { deploymentPlugins } from '../deployment-plugins.js';
import { findAccount } from '../find-account.js';
import { printJson } from '../print-json.js';
import { providerKeyVaultOf } from '../provider-key-vault-of.js';
import { readSecret } from '../read-secret.js';
import { resolveStoreLocation } from '../resolve-store-location.js';
import { withStore } from '../with-store.js';

interface KeysSetOptions {
  readonly key?: string;
  readonly root?: string;
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly config?: string;
  readonly json?: boolean;
}

/** Adds `set` under the `keys` command. */
export function registerKeysSetCommand(keys: Command, context: CliContext): void {
  keys
    .command('set')
    .description(
      "set an account's own key for a provider: its requests there are sent with it and billed by the provider",
    )
    .argument('<account>', 'a user name, or an organization name (its key serves requests billed to it)')
    .argument('<provider>', 'the provider id, e.g. groq')
    .option('--key <key>', 'the key (default: read from stdin, or asked for without echo)')
    .option(
      '--root <dir>',
      'the deployment root whose plugins are the known providers (default: the server’s)',
    )
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .addOption(configOption())
    .addOption(jsonOption())
    .action(async (accountName: string, providerId: string, options: KeysSetOptions) => {
      const plugins = await deploymentPlugins(options, context);
      if (!plugins.has(providerId)) {
        throw new CliError(
          `Unknown provider '${providerId}': this deployment has ${[...plugins.keys()].sort().join(', ')}.`,
        );
      }
      const location = await resolveStoreLocation(options, context);
      await withStore(location, { create: false }, async (store) => {
        const account = await findAccount(store, accountName);
        const secret =
          options.key ??
          (await readSecret(
            context.stdin ?? process.stdin,
            context.stderr,
            `Key for ${providerId} (${account.name}): `,
          ));
        const summary = await providerKeyVaultOf(store, context).set(account.id, providerId, secret);
        if (options.json === true) {
          printJson(context.stdout, { account, key: summary });
          return;
        }
        const shown = summary.displaySuffix ? ` (…${summary.displaySuffix})` : '';
        context.stderr.write(
          `Set the ${providerId} key${shown} of ${account.kind} '${account.name}': its requests to ${providerId} are billed by the provider.\n`,
        );
      });
    });
}
