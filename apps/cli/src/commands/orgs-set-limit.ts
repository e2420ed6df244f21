/** `tollgate orgs set-limit ORG USD|none`: the most an organization may spend pay-as-you-go each month. */
import { nanoToUsd } from '@tollgate/core';
import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { configOption, databaseUrlOption, dataDirOption, jsonOption } from '../common-options.js';
import { parseUsdArgument } from '../parse-usd-argument.js';
import { printJson } from '../print-json.js';
import { resolveStoreLocation } from '../resolve-store-location.js';
import { withStore } from '../with-store.js';

interface OrgsSetLimitOptions {
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly config?: string;
  readonly json?: boolean;
}

/** `none` -> no limit; a plain decimal -> nano-USD; anything else is refused before the store is opened. */
function spendingLimitOf(value: string): bigint | undefined {
  return value === 'none' ? undefined : parseUsdArgument(value, 'a spending limit (or none)');
}

/** Adds `set-limit` under the `orgs` command. */
export function registerOrgsSetLimitCommand(orgs: Command, context: CliContext): void {
  orgs
    .command('set-limit')
    .description(
      "cap an organization's pay-as-you-go spending each month (its members' X-HF-Bill-To requests get 402 past it)",
    )
    .argument('<organization>', 'the organization name')
    .argument('<usd>', 'the limit in USD (e.g. 25 or 0 for none past its credits), or none for no limit')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .addOption(configOption())
    .addOption(jsonOption())
    .action(async (name: string, usd: string, options: OrgsSetLimitOptions) => {
      const spendingLimitNanoUsd = spendingLimitOf(usd);
      const location = await resolveStoreLocation(options, context);
      await withStore(location, { create: false }, async (store) => {
        const organization = await store.organizations.findByName(name);
        if (organization === undefined) {
          throw new CliError(`No organization named '${name}': create it with \`tollgate orgs create\`.`);
        }
        const terms = await store.billingAccounts.findOrganization(organization.id);
        const billing = await store.billingAccounts.setOrganizationBilling(organization.id, {
          plan: terms?.plan,
          seats: terms?.seats ?? 1,
          spendingLimitNanoUsd,
        });
        const limit =
          billing.spendingLimitNanoUsd === undefined ? null : nanoToUsd(billing.spendingLimitNanoUsd);
        if (options.json === true) {
          printJson(context.stdout, {
            organization: { id: organization.id, name: organization.name },
            billing: { plan: billing.plan ?? null, seats: billing.seats, spendingLimitUsd: limit },
          });
          return;
        }
        context.stdout.write(`${limit ?? 'none'}\n`);
        context.stderr.write(
          limit === null
            ? `Organization '${organization.name}' may spend pay-as-you-go without a limit.\n`
            : `Organization '${organization.name}' may spend at most $${limit} pay-as-you-go each month.\n`,
        );
        if (billing.plan === undefined) {
          context.stderr.write(
            `Note: '${organization.name}' has no Team or Enterprise plan, so nothing is billed to it yet.\n`,
          );
        }
      });
    });
}
