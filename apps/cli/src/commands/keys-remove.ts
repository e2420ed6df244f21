/** `tollgate keys remove ACCOUNT PROVIDER`: forgets an account's own key; its requests are routed with credits again. */
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { configOption, databaseUrlOption, dataDirOption, jsonOption } from '../common-options.js';
import { findAccount } from '../find-account.js';
import { printJson } from '../print-json.js';
import { providerKeyVaultOf } from '../provider-key-vault-of.js';
import { resolveStoreLocation } from '../resolve-store-location.js';
import { withStore } from '../with-store.js';

interface KeysRemoveOptions {
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly config?: string;
  readonly json?: boolean;
}

/** Adds `remove` under the `keys` command. */
export function registerKeysRemoveCommand(keys: Command, context: CliContext): void {
  keys
    .command('remove')
    .description("remove an account's own key for a provider")
    .argument('<account>', 'a user or organization name')
    .argument('<provider>', 'the provider id')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .addOption(configOption())
    .addOption(jsonOption())
    .action(async (accountName: string, providerId: string, options: KeysRemoveOptions) => {
      const location = await resolveStoreLocation(options, context);
      await withStore(location, { create: false }, async (store) => {
        const account = await findAccount(store, accountName);
        if (!(await providerKeyVaultOf(store, context).remove(account.id, providerId))) {
          throw new CliError(
            `${account.kind} '${account.name}' has no ${providerId} key: see \`tollgate keys list ${account.name}\`.`,
          );
        }
        if (options.json === true) {
          printJson(context.stdout, { account, removed: { providerId } });
          return;
        }
        context.stderr.write(`Removed the ${providerId} key of ${account.kind} '${account.name}'.\n`);
      });
    });
}
