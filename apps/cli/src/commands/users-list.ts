/** `tollgate users list`: every user, with how many live tokens each holds. */
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { configOption, databaseUrlOption, dataDirOption, jsonOption } from '../common-options.js';
import { printJson } from '../print-json.js';
import { formatTable } from '../print-table.js';
import { resolveStoreLocation } from '../resolve-store-location.js';
import { withStore } from '../with-store.js';

interface UsersListOptions {
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly config?: string;
  readonly json?: boolean;
}

/** Adds `list` under the `users` command. */
export function registerUsersListCommand(users: Command, context: CliContext): void {
  users
    .command('list')
    .description('list users and their number of live tokens')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .addOption(configOption())
    .addOption(jsonOption())
    .action(async (options: UsersListOptions) => {
      const location = await resolveStoreLocation(options, context);
      const rows = await withStore(location, { create: false }, async (store) => {
        const users = await store.users.list();
        return Promise.all(
          users.map(async (user) => {
            const tokens = await store.tokens.listForUser(user.id);
            return { ...user, liveTokens: tokens.filter((token) => token.revokedAt === null).length };
          }),
        );
      });
      if (options.json) {
        printJson(context.stdout, { users: rows });
        return;
      }
      if (rows.length === 0) {
        context.stdout.write('No users yet: create one with `tollgate users create NAME`.\n');
        return;
      }
      context.stdout.write(
        formatTable(
          ['NAME', 'ID', 'CREATED', 'LIVE TOKENS'],
          rows.map((user) => [user.name, user.id, user.createdAt, String(user.liveTokens)]),
        ),
      );
    });
}
