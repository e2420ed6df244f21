/** `tollgate tokens list USER`: a user's tokens, shown by prefix (secrets are never stored). */
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { configOption, databaseUrlOption, dataDirOption, jsonOption } from '../common-options.js';
import { findUser } from '../find-user.js';
import { printJson } from '../print-json.js';
import { formatTable } from '../print-table.js';
import { resolveStoreLocation } from '../resolve-store-location.js';
import { withStore } from '../with-store.js';

interface TokensListOptions {
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly config?: string;
  readonly json?: boolean;
}

/** Adds `list` under the `tokens` command. */
export function registerTokensListCommand(tokens: Command, context: CliContext): void {
  tokens
    .command('list')
    .description("list a user's tokens, live and revoked")
    .argument('<user>', 'the user name (or id)')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .addOption(configOption())
    .addOption(jsonOption())
    .action(async (userNameOrId: string, options: TokensListOptions) => {
      const location = await resolveStoreLocation(options, context);
      const records = await withStore(location, { create: false }, async (store) => {
        const user = await findUser(store, userNameOrId);
        return store.tokens.listForUser(user.id);
      });
      // The hash is useless to a reader and needlessly exposes a verifier of the secret.
      const tokens = records.map(({ secretHash: _hash, ...shown }) => shown);
      if (options.json) {
        printJson(context.stdout, { tokens });
        return;
      }
      context.stdout.write(
        formatTable(
          ['ID', 'NAME', 'PREFIX', 'PERMISSIONS', 'CREATED', 'REVOKED'],
          tokens.map((token) => [
            token.id,
            token.name,
            token.displayPrefix,
            token.permissions.length === 0 ? '-' : token.permissions.join(','),
            token.createdAt,
            token.revokedAt ?? '-',
          ]),
        ),
      );
    });
}
