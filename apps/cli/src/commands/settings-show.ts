/** `tollgate settings show USER`: a user's inference provider settings (default policy, order, disabled providers). */
import {
  DEFAULT_INFERENCE_PROVIDER_SETTINGS,
  type InferenceProviderSettingsRecord,
  type UserRecord,
} from '@tollgate/core';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { configOption, databaseUrlOption, dataDirOption, jsonOption } from '../common-options.js';
import { findUser } from '../find-user.js';
import { printJson } from '../print-json.js';
import { resolveStoreLocation } from '../resolve-store-location.js';
import { withStore } from '../with-store.js';

interface SettingsShowOptions {
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly config?: string;
  readonly json?: boolean;
}

/** The settings of `user` as `settings show` and `settings set` print them; the defaults when none were saved. */
export function printSettings(
  context: CliContext,
  user: UserRecord,
  record: InferenceProviderSettingsRecord | undefined,
  { json }: { json: boolean },
): void {
  const settings = record ?? DEFAULT_INFERENCE_PROVIDER_SETTINGS;
  const document = {
    user: { id: user.id, name: user.name },
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
    `Inference provider settings of '${user.name}'${record ? '' : ' (defaults: none saved)'}:\n` +
      `  default policy:      ${settings.defaultPolicy}\n` +
      `  provider order:      ${list(settings.providerOrder)}\n` +
      `  disabled providers:  ${list(settings.disabledProviders)}\n`,
  );
}

/** Adds `show` under the `settings` command. */
export function registerSettingsShowCommand(settings: Command, context: CliContext): void {
  settings
    .command('show')
    .description("show a user's inference provider settings")
    .argument('<user>', 'the user name or id')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .addOption(configOption())
    .addOption(jsonOption())
    .action(async (nameOrId: string, options: SettingsShowOptions) => {
      const location = await resolveStoreLocation(options, context);
      await withStore(location, { create: false }, async (store) => {
        const user = await findUser(store, nameOrId);
        const record = await store.inferenceProviderSettings.find(user.id);
        printSettings(context, user, record, { json: options.json === true });
      });
    });
}
