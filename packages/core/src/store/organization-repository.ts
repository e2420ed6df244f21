/**
 * Organizations and their members. An organization is what a provider registers mappings as (its Hub org, e.g.
 * `fal` for `fal-ai`) and, later, a billing account that pays for its members' requests (`X-HF-Bill-To`).
 *
 * The contract below is what `runStoreConformance` checks; a store implements it exactly.
 */
import type { UserRecord } from './user-repository.js';

/**
 * What a member may do, as on the Hugging Face Hub: `admin` manages the organization, `write` acts for it (a
 * provider's `write` members register its mappings), `read` sees what it sees (its staging mappings).
 */
export type OrganizationRole = 'admin' | 'write' | 'read';

export const ORGANIZATION_ROLES: readonly OrganizationRole[] = ['admin', 'write', 'read'];

export interface OrganizationRecord {
  /** A UUID the store assigns. */
  readonly id: string;
  /** Unique among organizations; the name clients send (`X-HF-Bill-To: acme`) and providers map to. */
  readonly name: string;
  /** ISO-8601 UTC with milliseconds, set on creation. */
  readonly createdAt: string;
}

export interface OrganizationMembershipRecord {
  readonly organizationId: string;
  readonly userId: string;
  readonly role: OrganizationRole;
  /** ISO-8601 UTC with milliseconds: when the user joined; a role change keeps it. */
  readonly addedAt: string;
}

/**
 * What `setMember` did: `added` a new member, `updated` the role of an existing one, or left it `unchanged`
 * because the member already had that role.
 */
export type MembershipOutcome = 'added' | 'updated' | 'unchanged';

/**
 * The contract, point by point:
 *
 * - **Names.** Organization names are unique (exact, case-sensitive match, like user names); a taken name raises
 *   `InputError` code `organization_exists` and writes nothing. Names are validated by the caller
 *   (`assertValidOrganizationName`), not by the store.
 * - **Members.** A user is a member of an organization at most once, with one role. `setMember` for an unknown
 *   organization or user raises `InputError` code `organization_not_found` or `user_not_found` and writes nothing.
 * - **Order.** `list` returns organizations oldest first (`createdAt`, then name in byte order); `listMembers`
 *   and `listMemberships` return the oldest membership first (`addedAt`, then user or organization name).
 */
export interface OrganizationRepository {
  create(input: { readonly name: string }): Promise<OrganizationRecord>;
  findByName(name: string): Promise<OrganizationRecord | undefined>;
  findById(id: string): Promise<OrganizationRecord | undefined>;
  list(): Promise<readonly OrganizationRecord[]>;
  /** Makes the user a member with `role`, or changes the role of an existing member. */
  setMember(input: {
    readonly organizationId: string;
    readonly userId: string;
    readonly role: OrganizationRole;
  }): Promise<{ readonly membership: OrganizationMembershipRecord; readonly outcome: MembershipOutcome }>;
  /** False when the user was not a member. */
  removeMember(organizationId: string, userId: string): Promise<boolean>;
  /** The members of one organization, with their user records. */
  listMembers(
    organizationId: string,
  ): Promise<readonly { readonly user: UserRecord; readonly membership: OrganizationMembershipRecord }[]>;
  /** The organizations one user belongs to, with the user's role in each. */
  listMemberships(userId: string): Promise<
    readonly {
      readonly organization: OrganizationRecord;
      readonly membership: OrganizationMembershipRecord;
    }[]
  >;
}
