/** `tollgate users create NAME [--tier free|pro] [--admin]`: a new user and its first access token. */
import { assertValidUserName, TokenService, USER_TIERS, type UserTier } from '@tollgate/core';
import { type Command, Option } from 'commander';
import type { CliContext } from '../cli-context.js';
import { configOption, databaseUrlOption, dataDirOption, jsonOption } from '../common-options.js';
import { printIssuedToken } from '../print-issued-token.js';
import { resolveStoreLocation } from '../resolve-store-location.js';
import { withStore } from '../with-store.js';

interface UsersCreateOptions {
  readonly tokenName: string;
  readonly tier: UserTier;
  readonly admin?: boolean;
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly config?: string;
  readonly json?: boolean;
}

/** Adds `create` under the `users` command. */
export function registerUsersCreateCommand(users: Command, context: CliContext): void {
  users
    .command('create')
    .description('create a user and its first hf_ access token (printed once)')
    .argument('<name>', 'the user name, unique in this deployment')
    .option('--token-name <label>', 'a label for the token', 'default')
    .addOption(new Option('--tier <tier>', 'the billing tier').choices(USER_TIERS).default('free'))
    .option('--admin', "a gateway administrator (registers any provider's mappings, sees every staging one)")
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .addOption(configOption())
    .addOption(jsonOption())
    .action(async (name: string, options: UsersCreateOptions) => {
      assertValidUserName(name);
      const location = await resolveStoreLocation(options, context);
      await withStore(location, { create: true }, async (store) => {
        // The store rejects a taken name with a message meant for people, which the CLI prints as is.
        const user = await store.users.create({ name, isAdmin: options.admin === true });
        if (options.tier !== 'free') await store.billingAccounts.setUserTier(user.id, options.tier);
        const issued = await new TokenService(store.tokens).issue(user.id, options.tokenName);
        printIssuedToken(context, user, issued, { json: options.json === true });
      });
    });
}
