/** Looks up the account an admin command acts for: a user, else an organization, by name or id. */
import type { Store } from '@tollgate/core';
import { CliError } from './cli-error.js';

export interface AccountRef {
  readonly kind: 'user' | 'organization';
  readonly id: string;
  readonly name: string;
}

/**
 * The user named (or with the id) `nameOrId`, else the organization. User and organization names are distinct
 * namespaces on the Hub, so a user wins a tie; an organization can always be named by its id.
 *
 * @example const account = await findAccount(store, 'acme');
 */
export async function findAccount(store: Store, nameOrId: string): Promise<AccountRef> {
  const user = (await store.users.findByName(nameOrId)) ?? (await store.users.findById(nameOrId));
  if (user) return { kind: 'user', id: user.id, name: user.name };
  const organization =
    (await store.organizations.findByName(nameOrId)) ?? (await store.organizations.findById(nameOrId));
  if (organization) return { kind: 'organization', id: organization.id, name: organization.name };
  throw new CliError(
    `No user or organization named '${nameOrId}': see \`tollgate users list\`, or create one with \`tollgate orgs create\`.`,
  );
}
