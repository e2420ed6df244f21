/** `tollgate credits add ACCOUNT USD [--grant-id ID]`: prepaid credits for a user or an organization. */
import { randomUUID } from 'node:crypto';
import { billingPeriodOf, nanoToUsd } from '@tollgate/core';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { configOption, databaseUrlOption, dataDirOption, jsonOption } from '../common-options.js';
import { findAccount } from '../find-account.js';
import { parseUsdArgument } from '../parse-usd-argument.js';
import { printJson } from '../print-json.js';
import { resolveStoreLocation } from '../resolve-store-location.js';
import { withStore } from '../with-store.js';

interface CreditsAddOptions {
  readonly grantId?: string;
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly config?: string;
  readonly json?: boolean;
}

/** Adds `add` under the `credits` command. */
export function registerCreditsAddCommand(credits: Command, context: CliContext): void {
  credits
    .command('add')
    .description(
      'add prepaid credits to a user or an organization (spent after the monthly included credits, never expire)',
    )
    .argument('<account>', 'a user name, or an organization name (or either id)')
    .argument('<usd>', 'the amount in USD, e.g. 10 or 2.50')
    .option(
      '--grant-id <id>',
      "the grant's idempotence key (e.g. the payment id): adding again with the same id adds nothing (default: a new id)",
    )
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .addOption(configOption())
    .addOption(jsonOption())
    .action(async (accountName: string, usd: string, options: CreditsAddOptions) => {
      const amountNanoUsd = parseUsdArgument(usd, 'an amount of credits');
      if (amountNanoUsd === 0n) throw new CliError('Add more than $0 of credits.');
      const grantId = options.grantId ?? randomUUID();
      const location = await resolveStoreLocation(options, context);
      await withStore(location, { create: false }, async (store) => {
        const account = await findAccount(store, accountName);
        const period = billingPeriodOf(new Date());
        const { outcome, entry } = await store.ledger.grant({
          accountId: account.id,
          period,
          grantId,
          amountNanoUsd,
        });
        if (outcome === 'existing' && entry.accountId !== account.id) {
          throw new CliError(`The grant id '${grantId}' was already used for another account.`);
        }
        if (outcome === 'existing' && entry.amountNanoUsd !== amountNanoUsd) {
          throw new CliError(
            `The grant id '${grantId}' already added $${nanoToUsd(entry.amountNanoUsd)}, not $${nanoToUsd(amountNanoUsd)}; nothing was added.`,
          );
        }
        const balance = await store.ledger.balance(account.id, period);
        const prepaid = nanoToUsd(balance.prepaidGrantedNanoUsd - balance.prepaidUsedNanoUsd);
        if (options.json === true) {
          printJson(context.stdout, {
            account,
            grant: { id: grantId, amountUsd: nanoToUsd(entry.amountNanoUsd), outcome },
            prepaidRemainingUsd: prepaid,
          });
          return;
        }
        context.stdout.write(`${grantId}\n`);
        context.stderr.write(
          outcome === 'granted'
            ? `Added $${nanoToUsd(amountNanoUsd)} of prepaid credits to ${account.kind} '${account.name}' (now $${prepaid} left).\n`
            : `Grant '${grantId}' was already added; nothing changed ($${prepaid} prepaid left).\n`,
        );
      });
    });
}
