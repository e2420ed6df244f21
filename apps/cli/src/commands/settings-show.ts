/**
 * `tollgate settings show ACCOUNT`: a user's or an organization's inference provider settings (default policy, order,
 * disabled providers); an organization's route the requests billed to it.
 */
import { DEFAULT_INFERENCE_PROVIDER_SETTINGS, type InferenceProviderSettingsRecord } from '@tollgate/core';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { configOption, databaseUrlOption, dataDirOption, jsonOption } from '../common-options.js';
import { type AccountRef, findAccount } from '../find-account.js';
import { printJson } from '../print-json.js';
import { resolveStoreLocation } from '../resolve-store-location.js';
import { withStore } from '../with-store.js';

interface SettingsShowOptions {
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly config?: string;
  readonly json?: boolean;
}

/** The settings of `account` as `settings show` and `settings set` print them; the defaults when none were saved. */
export function printSettings(
  context: CliContext,
  account: AccountRef,
  record: InferenceProviderSettingsRecord | undefined,
  { json }: { json: boolean },
): void {
  const settings = record ?? DEFAULT_INFERENCE_PROVIDER_SETTINGS;
  const document = {
    [account.kind]: { id: account.id, name: account.name },
    defaultPolicy: settings.defaultPolicy,
    providerOrder: [...settings.providerOrder],
    disabledProviders: [...settings.disabledProviders],
    updatedAt: record?.updatedAt ?? null,
  };
  if (json) {
    printJson(context.stdout, document);
    return;
  }
  const list = (ids: readonly string[]) => (ids.length === 0 ? '(none)' : ids.join(', '));
  context.stdout.write(
    `Inference provider settings of ${account.kind === 'user' ? '' : 'organization '}'${account.name}'${record ? '' : ' (defaults: none saved)'}:\n` +
      `  default policy:      ${settings.defaultPolicy}\n` +
      `  provider order:      ${list(settings.providerOrder)}\n` +
      `  disabled providers:  ${list(settings.disabledProviders)}\n`,
  );
}

/** Adds `show` under the `settings` command. */
export function registerSettingsShowCommand(settings: Command, context: CliContext): void {
  settings
    .command('show')
    .description("show a user's or an organization's inference provider settings")
    .argument('<account>', 'a user name, or an organization name (or either id)')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .addOption(configOption())
    .addOption(jsonOption())
    .action(async (nameOrId: string, options: SettingsShowOptions) => {
      const location = await resolveStoreLocation(options, context);
      await withStore(location, { create: false }, async (store) => {
        const account = await findAccount(store, nameOrId);
        const record = await store.inferenceProviderSettings.find(account.id);
        printSettings(context, account, record, { json: options.json === true });
      });
    });
}
