/** Who may change what an organization pays and routes to: its `admin` members, and gateway admins. */
import { AuthError } from '@tollgate/provider-spec';
import type { OrganizationAccess } from './organization-access.js';

/**
 * Throws `AuthError` 403 (code `organization_admin_required`) unless the caller is an admin of `organization` or
 * of the gateway, with a message saying what the caller's role is.
 *
 * @example
 * assertMayAdministerOrganization(await access.load(principal.userId), 'acme');
 */
export function assertMayAdministerOrganization(access: OrganizationAccess, organization: string): void {
  if (access.isAdmin || access.roles.get(organization) === 'admin') return;
  const role = access.roles.get(organization);
  const yours = role === undefined ? 'you are not a member of it' : `your role in it is '${role}'`;
  throw new AuthError({
    message: `Only admins of the organization '${organization}', or gateway admins, can change its billing and provider settings; ${yours}.`,
    status: 403,
    code: 'organization_admin_required',
  });
}

/**
 * Throws `AuthError` 403 (code `organization_member_required`) unless the caller is a member of `organization`
 * (any role) or a gateway admin: who may read its billing and provider settings.
 *
 * @example
 * assertMayViewOrganization(await access.load(principal.userId), 'acme');
 */
export function assertMayViewOrganization(access: OrganizationAccess, organization: string): void {
  if (access.isAdmin || access.roles.has(organization)) return;
  throw new AuthError({
    message: `Only members of the organization '${organization}', or gateway admins, can see its billing and provider settings.`,
    status: 403,
    code: 'organization_member_required',
  });
}
