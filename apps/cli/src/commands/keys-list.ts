/** `tollgate keys list ACCOUNT [--json]`: the providers an account has its own key for; never the keys. */
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { configOption, databaseUrlOption, dataDirOption, jsonOption } from '../common-options.js';
import { findAccount } from '../find-account.js';
import { printJson } from '../print-json.js';
import { formatTable } from '../print-table.js';
import { providerKeyVaultOf } from '../provider-key-vault-of.js';
import { resolveStoreLocation } from '../resolve-store-location.js';
import { withStore } from '../with-store.js';

interface KeysListOptions {
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly config?: string;
  readonly json?: boolean;
}

/** Adds `list` under the `keys` command. */
export function registerKeysListCommand(keys: Command, context: CliContext): void {
  keys
    .command('list')
    .description("list an account's own provider keys (their last characters only)")
    .argument('<account>', 'a user or organization name')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .addOption(configOption())
    .addOption(jsonOption())
    .action(async (accountName: string, options: KeysListOptions) => {
      const location = await resolveStoreLocation(options, context);
      await withStore(location, { create: false }, async (store) => {
        const account = await findAccount(store, accountName);
        // Listing opens nothing, so it needs no master key.
        const keys = await providerKeyVaultOf(store, context).list(account.id);
        if (options.json === true) {
          printJson(context.stdout, {
            account,
            keys: keys.map(({ providerId, displaySuffix, masterKeyId, createdAt, updatedAt }) => ({
              provider: providerId,
              suffix: displaySuffix,
              masterKeyId,
              createdAt,
              updatedAt,
            })),
          });
          return;
        }
        if (keys.length === 0) {
          context.stderr.write(`${account.kind} '${account.name}' has no provider keys.\n`);
          return;
        }
        context.stdout.write(
          formatTable(
            ['PROVIDER', 'KEY', 'MASTER KEY', 'UPDATED'],
            keys.map((key) => [
              key.providerId,
              key.displaySuffix ? `…${key.displaySuffix}` : '(short)',
              key.masterKeyId,
              key.updatedAt,
            ]),
          ),
        );
      });
    });
}
