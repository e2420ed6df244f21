/** `tollgate orgs add-member ORG USER --role admin|write|read`: makes a user a member, or changes their role. */
import { ORGANIZATION_ROLES, type OrganizationRole } from '@tollgate/core';
import { type Command, Option } from 'commander';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { configOption, databaseUrlOption, dataDirOption, jsonOption } from '../common-options.js';
import { findUser } from '../find-user.js';
import { printJson } from '../print-json.js';
import { resolveStoreLocation } from '../resolve-store-location.js';
import { withStore } from '../with-store.js';

interface OrgsAddMemberOptions {
  readonly role: OrganizationRole;
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly config?: string;
  readonly json?: boolean;
}

const OUTCOME_WORDS = { added: 'Added', updated: 'Changed the role of', unchanged: 'Kept' } as const;

/** Adds `add-member` under the `orgs` command. */
export function registerOrgsAddMemberCommand(orgs: Command, context: CliContext): void {
  orgs
    .command('add-member')
    .description("make a user a member of an organization, or change the member's role")
    .argument('<org>', 'the organization name')
    .argument('<user>', 'the user name or id')
    .addOption(
      new Option(
        '--role <role>',
        "admin manages it, write acts for it (registers a provider's mappings), read sees its staging mappings",
      )
        .choices(ORGANIZATION_ROLES)
        .makeOptionMandatory(),
    )
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .addOption(configOption())
    .addOption(jsonOption())
    .action(async (orgName: string, userName: string, options: OrgsAddMemberOptions) => {
      const location = await resolveStoreLocation(options, context);
      await withStore(location, { create: false }, async (store) => {
        const organization = await store.organizations.findByName(orgName);
        if (organization === undefined) {
          throw new CliError(
            `No organization named '${orgName}': create it with \`tollgate orgs create ${orgName}\`.`,
          );
        }
        const user = await findUser(store, userName);
        const { membership, outcome } = await store.organizations.setMember({
          organizationId: organization.id,
          userId: user.id,
          role: options.role,
        });
        if (options.json === true) {
          printJson(context.stdout, {
            organization: organization.name,
            user: user.name,
            outcome,
            membership,
          });
          return;
        }
        context.stdout.write(`${outcome}\n`);
        context.stderr.write(
          `${OUTCOME_WORDS[outcome]} '${user.name}' as ${membership.role} of '${organization.name}'.\n`,
        );
      });
    });
}
