/** `tollgate tokens create USER [--no-inference]`: another access token for an existing user. */
import { TOKEN_PERMISSIONS, TokenService } from '@tollgate/core';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { configOption, databaseUrlOption, dataDirOption, jsonOption } from '../common-options.js';
import { findUser } from '../find-user.js';
import { printIssuedToken } from '../print-issued-token.js';
import { resolveStoreLocation } from '../resolve-store-location.js';
import { withStore } from '../with-store.js';

interface TokensCreateOptions {
  readonly name: string;
  /** False with `--no-inference`. */
  readonly inference: boolean;
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly config?: string;
  readonly json?: boolean;
}

/** Adds `create` under the `tokens` command. */
export function registerTokensCreateCommand(tokens: Command, context: CliContext): void {
  tokens
    .command('create')
    .description('issue a new hf_ access token for a user (printed once)')
    .argument('<user>', 'the user name (or id)')
    .option('--name <label>', 'a label for the token', 'default')
    .option(
      '--no-inference',
      'without the permission to make calls to Inference Providers (inference.serverless.write): for settings and the Hub API only',
    )
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .addOption(configOption())
    .addOption(jsonOption())
    .action(async (userNameOrId: string, options: TokensCreateOptions) => {
      const location = await resolveStoreLocation(options, context);
      await withStore(location, { create: false }, async (store) => {
        const user = await findUser(store, userNameOrId);
        const issued = await new TokenService(store.tokens).issue(user.id, options.name, {
          permissions: options.inference ? TOKEN_PERMISSIONS : [],
        });
        printIssuedToken(context, user, issued, { json: options.json === true });
      });
    });
}
