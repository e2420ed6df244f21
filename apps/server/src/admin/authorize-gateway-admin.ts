/** The admin API's gate: a gateway admin's token (`tollgate users create NAME --admin`), read afresh per request. */
import { coreTokens, type Kernel, type Principal } from '@tollgate/core';
import { AuthError } from '@tollgate/provider-spec';
import type { FastifyRequest } from 'fastify';

/**
 * 401 without a valid token; 403 (code `admin_required`) unless its user is a gateway admin. The admin flag is read
 * from the store, not the routing cache, so a demoted admin loses access at once.
 *
 * @example const admin = await authorizeGatewayAdmin(kernel, request);
 */
export async function authorizeGatewayAdmin(kernel: Kernel, request: FastifyRequest): Promise<Principal> {
  const principal = await kernel.authenticator.authenticate(request.headers.authorization);
  const access = await kernel.resolve(coreTokens.organizationAccess).load(principal.userId);
  if (!access.isAdmin) {
    throw new AuthError({
      message: `Only gateway admins may use the admin API; '${principal.userName}' is not one.`,
      status: 403,
      code: 'admin_required',
    });
  }
  return principal;
}
