/** Finds the organization a `/api/organizations/{organization}/...` route names and checks the caller may use it. */
import {
  assertMayAdministerOrganization,
  assertMayViewOrganization,
  coreTokens,
  type Kernel,
  type OrganizationRecord,
} from '@tollgate/core';
import { GatewayError } from '@tollgate/provider-spec';
import type { FastifyRequest } from 'fastify';

/**
 * 401 without a valid token, 404 for an unknown organization, 403 unless the caller is a member (`view`) or an
 * admin (`administer`) of it, or a gateway admin. Memberships are read afresh, not from the routing cache.
 *
 * @example const organization = await organizationFor(kernel, request, 'acme', 'administer');
 */
export async function organizationFor(
  kernel: Kernel,
  request: FastifyRequest,
  name: string,
  need: 'view' | 'administer',
): Promise<OrganizationRecord> {
  const principal = await kernel.authenticator.authenticate(request.headers.authorization);
  const organization = await kernel.store.organizations.findByName(name);
  if (organization === undefined) {
    throw new GatewayError({
      message: `No organization is named '${name}'.`,
      status: 404,
      type: 'not_found_error',
      code: 'organization_not_found',
      param: 'organization',
    });
  }
  const access = await kernel.resolve(coreTokens.organizationAccess).load(principal.userId);
  if (need === 'administer') assertMayAdministerOrganization(access, organization.name);
  else assertMayViewOrganization(access, organization.name);
  return organization;
}
