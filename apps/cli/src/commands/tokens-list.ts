/** `tollgate tokens list USER`: a user's tokens, shown by prefix (secrets are never stored). */
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { configOption, dataDirOption, jsonOption } from '../common-options.js';
import { findUser } from '../find-user.js';
import { printJson } from '../print-json.js';
import { formatTable } from '../print-table.js';
import { resolveDataDir } from '../resolve-data-dir.js';
import { withSqliteStore } from '../with-sqlite-store.js';

interface TokensListOptions {
  readonly dataDir?: string;
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
    .addOption(configOption())
    .addOption(jsonOption())
    .action(async (userNameOrId: string, options: TokensListOptions) => {
      const dataDir = await resolveDataDir(options, context);
      const records = await withSqliteStore(dataDir, { create: false }, async (store) => {
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
          ['ID', 'NAME', 'PREFIX', 'CREATED', 'REVOKED'],
          tokens.map((token) => [
            token.id,
            token.name,
            token.displayPrefix,
            token.createdAt,
            token.revokedAt ?? '-',
          ]),
        ),
      );
    });
}
