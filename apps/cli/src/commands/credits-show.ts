/** `tollgate credits show ACCOUNT`: an account's credits this month, as the ledger has them. */
import {
  allowanceOf,
  type BillingAccount,
  billingPeriodOf,
  DEFAULT_BILLING_TIERS,
  type NanoUsd,
  nanoToUsd,
} from '@tollgate/core';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { configOption, databaseUrlOption, dataDirOption, jsonOption } from '../common-options.js';
import { findAccount } from '../find-account.js';
import { printJson } from '../print-json.js';
import { formatTable } from '../print-table.js';
import { resolveStoreLocation } from '../resolve-store-location.js';
import { withStore } from '../with-store.js';

interface CreditsShowOptions {
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly config?: string;
  readonly json?: boolean;
}

const usd = (nano: NanoUsd | undefined) => (nano === undefined ? null : nanoToUsd(nano));

/** Adds `show` under the `credits` command. */
export function registerCreditsShowCommand(credits: Command, context: CliContext): void {
  credits
    .command('show')
    .description("show a user's or an organization's credits this month (included, prepaid, pay-as-you-go)")
    .argument('<account>', 'a user name, or an organization name (or either id)')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .addOption(configOption())
    .addOption(jsonOption())
    .action(async (accountName: string, options: CreditsShowOptions) => {
      const location = await resolveStoreLocation(options, context);
      const shown = await withStore(location, { create: false }, async (store) => {
        const account = await findAccount(store, accountName);
        const period = billingPeriodOf(new Date());
        const balance = await store.ledger.balance(account.id, period);
        let billing: BillingAccount;
        if (account.kind === 'user') {
          const user = await store.billingAccounts.findUser(account.id);
          billing = { kind: 'user', id: account.id, tier: user?.tier ?? 'free' };
        } else {
          const terms = await store.billingAccounts.findOrganization(account.id);
          billing = {
            kind: 'organization',
            id: account.id,
            plan: terms?.plan,
            seats: terms?.seats ?? 1,
            spendingLimitNanoUsd: terms?.spendingLimitNanoUsd,
          };
        }
        // Before its first request of the month the ledger has no included figure yet; the terms say what it will be.
        const allowance = allowanceOf(billing, DEFAULT_BILLING_TIERS);
        const included = balance.includedNanoUsd > 0n ? balance.includedNanoUsd : allowance.includedNanoUsd;
        return {
          account,
          period,
          plan: billing.kind === 'user' ? billing.tier : (billing.plan ?? null),
          includedUsd: nanoToUsd(included),
          includedUsedUsd: nanoToUsd(balance.includedUsedNanoUsd),
          prepaidRemainingUsd: nanoToUsd(balance.prepaidGrantedNanoUsd - balance.prepaidUsedNanoUsd),
          payAsYouGoUsedUsd: nanoToUsd(balance.payAsYouGoUsedNanoUsd),
          payAsYouGoLimitUsd: usd(allowance.payAsYouGoLimitNanoUsd),
          heldUsd: nanoToUsd(balance.heldNanoUsd),
        };
      });
      if (options.json === true) {
        printJson(context.stdout, shown);
        return;
      }
      context.stdout.write(
        formatTable(
          [
            'ACCOUNT',
            'PERIOD',
            'PLAN',
            'INCLUDED',
            'USED',
            'PREPAID LEFT',
            'PAYG USED',
            'PAYG LIMIT',
            'HELD',
          ],
          [
            [
              `${shown.account.kind} ${shown.account.name}`,
              shown.period,
              shown.plan ?? '-',
              shown.includedUsd,
              shown.includedUsedUsd,
              shown.prepaidRemainingUsd,
              shown.payAsYouGoUsedUsd,
              shown.payAsYouGoLimitUsd ?? 'none',
              shown.heldUsd,
            ],
          ],
        ),
      );
    });
}
