/** `tollgate tokens revoke ID`: stops a token from authenticating, from the next request on. */
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { configOption, databaseUrlOption, dataDirOption, jsonOption } from '../common-options.js';
import { printJson } from '../print-json.js';
import { resolveStoreLocation } from '../resolve-store-location.js';
import { withStore } from '../with-store.js';

interface TokensRevokeOptions {
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly config?: string;
  readonly json?: boolean;
}

/** Adds `revoke` under the `tokens` command. */
export function registerTokensRevokeCommand(tokens: Command, context: CliContext): void {
  tokens
    .command('revoke')
    .description('revoke a token by id (see `tokens list`)')
    .argument('<id>', 'the token id')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .addOption(configOption())
    .addOption(jsonOption())
    .action(async (id: string, options: TokensRevokeOptions) => {
      const location = await resolveStoreLocation(options, context);
      const revoked = await withStore(location, { create: false }, (store) => store.tokens.revoke(id));
      if (!revoked)
        throw new CliError(`No live token with id '${id}': it does not exist or is already revoked.`);
      if (options.json) printJson(context.stdout, { id, revoked: true });
      else context.stdout.write(`Revoked token ${id}.\n`);
    });
}
