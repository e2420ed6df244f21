/**
 * `tollgate settings set ACCOUNT [--policy P] [--order a,b] [--disable x] [--enable y] [--reset]`: changes a user's
 * or an organization's inference provider settings (an organization's route the requests billed to it, e.g. its
 * disabled providers); what it does not mention stays as it was. Gateways on the same store route with the
 * change within their settings cache time (5 s by default).
 */
import { DEFAULT_INFERENCE_PROVIDER_SETTINGS, ROUTING_POLICIES, type RoutingPolicy } from '@tollgate/core';
import { type Command, Option } from 'commander';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { configOption, databaseUrlOption, dataDirOption, jsonOption } from '../common-options.js';
import { findAccount } from '../find-account.js';
import { resolveStoreLocation } from '../resolve-store-location.js';
import { withStore } from '../with-store.js';
import { printSettings } from './settings-show.js';

interface SettingsSetOptions {
  readonly policy?: RoutingPolicy;
  readonly order?: readonly string[];
  readonly disable?: readonly string[];
  readonly enable?: readonly string[];
  readonly reset?: boolean;
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly config?: string;
  readonly json?: boolean;
}

/** `a,b , c` -> `['a', 'b', 'c']`; an empty value is an empty list (`--order ''` clears the order). */
const providerList = (value: string): string[] =>
  value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');

/** Adds `set` under the `settings` command. */
export function registerSettingsSetCommand(settings: Command, context: CliContext): void {
  settings
    .command('set')
    .description(
      "change a user's or an organization's inference provider settings (what is not mentioned stays as it was)",
    )
    .argument('<account>', 'a user name, or an organization name (or either id)')
    .addOption(
      new Option('--policy <policy>', 'the policy for a model named without a suffix').choices(
        ROUTING_POLICIES,
      ),
    )
    .option(
      '--order <providers>',
      'providers in order of preference for :preferred, comma-separated',
      providerList,
    )
    .option('--disable <providers>', 'providers never to route to, comma-separated', providerList)
    .option('--enable <providers>', 'providers to route to again, comma-separated', providerList)
    .option('--reset', 'back to the defaults first (fastest, no order, nothing disabled)')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .addOption(configOption())
    .addOption(jsonOption())
    .action(async (nameOrId: string, options: SettingsSetOptions) => {
      const changes = [options.policy, options.order, options.disable, options.enable, options.reset];
      if (changes.every((change) => change === undefined)) {
        throw new CliError(
          'Nothing to change: pass --policy, --order, --disable, --enable or --reset (see `tollgate settings set --help`).',
        );
      }
      const both = options.disable?.filter((id) => options.enable?.includes(id)) ?? [];
      if (both.length > 0) throw new CliError(`Cannot both --disable and --enable ${both.join(', ')}.`);
      const location = await resolveStoreLocation(options, context);
      await withStore(location, { create: false }, async (store) => {
        const account = await findAccount(store, nameOrId);
        const current = options.reset
          ? DEFAULT_INFERENCE_PROVIDER_SETTINGS
          : ((await store.inferenceProviderSettings.find(account.id)) ?? DEFAULT_INFERENCE_PROVIDER_SETTINGS);
        const disabled = [...current.disabledProviders, ...(options.disable ?? [])].filter(
          (id) => !options.enable?.includes(id),
        );
        // The store checks ids and the policy, and refuses with a message meant for people.
        const record = await store.inferenceProviderSettings.put(account.id, {
          defaultPolicy: options.policy ?? current.defaultPolicy,
          providerOrder: options.order ?? current.providerOrder,
          disabledProviders: disabled,
        });
        printSettings(context, account, record, { json: options.json === true });
      });
    });
}
