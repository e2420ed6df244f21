/** `tollgate orgs create NAME [--plan team|enterprise] [--seats N]`: a new organization and its billing terms. */
import { assertValidOrganizationName, ORGANIZATION_PLANS, type OrganizationPlan } from '@tollgate/core';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { CliContext } from '../cli-context.js';
import { configOption, databaseUrlOption, dataDirOption, jsonOption } from '../common-options.js';
import { printJson } from '../print-json.js';
import { resolveStoreLocation } from '../resolve-store-location.js';
import { withStore } from '../with-store.js';

interface OrgsCreateOptions {
  readonly plan?: OrganizationPlan;
  readonly seats: number;
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly config?: string;
  readonly json?: boolean;
}

function seatCount(value: string): number {
  const seats = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(seats) || seats < 1) {
    throw new InvalidArgumentError('a whole number of seats, at least 1.');
  }
  return seats;
}

/** Adds `create` under the `orgs` command. */
export function registerOrgsCreateCommand(orgs: Command, context: CliContext): void {
  orgs
    .command('create')
    .description(
      'create an organization (a provider speaks through one; Team and Enterprise ones pay for members)',
    )
    .argument('<name>', 'the organization name, unique in this deployment (as on the Hub, e.g. fal)')
    .addOption(
      new Option('--plan <plan>', 'the subscription its members are billed under').choices(
        ORGANIZATION_PLANS,
      ),
    )
    .option('--seats <count>', 'seats of the plan, each adding pooled included credits', seatCount, 1)
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .addOption(configOption())
    .addOption(jsonOption())
    .action(async (name: string, options: OrgsCreateOptions) => {
      assertValidOrganizationName(name);
      const location = await resolveStoreLocation(options, context);
      await withStore(location, { create: true }, async (store) => {
        const organization = await store.organizations.create({ name });
        const billing = await store.billingAccounts.setOrganizationBilling(organization.id, {
          plan: options.plan,
          seats: options.seats,
          spendingLimitNanoUsd: undefined,
        });
        if (options.json === true) {
          printJson(context.stdout, {
            organization,
            billing: { plan: billing.plan ?? null, seats: billing.seats },
          });
          return;
        }
        const plan =
          billing.plan === undefined ? 'no plan' : `plan ${billing.plan}, ${billing.seats} seat(s)`;
        context.stdout.write(`${organization.name}\n`);
        context.stderr.write(`Created organization '${organization.name}' (${organization.id}, ${plan}).\n`);
      });
    });
}
