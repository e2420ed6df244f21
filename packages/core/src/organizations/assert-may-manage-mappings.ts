/** Who may change a provider's model mappings: its organization's `write` and `admin` members, and gateway admins. */
import { AuthError } from '@tollgate/provider-spec';
import type { OrganizationAccess } from './organization-access.js';

/**
 * Throws `AuthError` 403 (code `insufficient_permissions`) unless the caller may register, re-status or remove
 * `providerId`'s mappings, with a message saying which organization and role it takes.
 *
 * @example
 * assertMayManageMappings(await access.load(principal.userId), 'fal', 'fal-ai');
 */
export function assertMayManageMappings(
  access: OrganizationAccess,
  organization: string,
  providerId: string,
): void {
  if (access.isAdmin) return;
  const role = access.roles.get(organization);
  if (role === 'write' || role === 'admin') return;
  const yours = role === undefined ? 'you are not a member of it' : `your role in it is '${role}'`;
  throw new AuthError({
    message: `Only members of the organization '${organization}' with the write or admin role, or gateway admins, can change the model mappings of provider '${providerId}'; ${yours}.`,
    status: 403,
    code: 'insufficient_permissions',
  });
}
