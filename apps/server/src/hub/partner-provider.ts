/** What every partner route checks first: the provider exists here, and (for writes) the caller may act for it. */
import { assertMayManageMappings, coreTokens, type Kernel } from '@tollgate/core';
import { type ProviderPluginV1, RoutingError } from '@tollgate/provider-spec';
import type { FastifyRequest } from 'fastify';

/**
 * The provider's plugin; 404 for a provider this gateway does not have.
 *
 * @example const plugin = partnerPlugin(kernel, request.params.provider);
 */
export function partnerPlugin(kernel: Kernel, providerId: string): ProviderPluginV1 {
  const plugin = kernel.registry.get(providerId);
  if (plugin === undefined) {
    throw new RoutingError({
      message: `Provider '${providerId}' is not a provider of this gateway.`,
      status: 404,
      code: 'unknown_provider',
      param: 'provider',
    });
  }
  return plugin;
}

/**
 * Authenticates the caller (401 without a valid token) and checks it may change the provider's mappings (404 for
 * an unknown provider, 403 for anyone but the provider organization's write and admin members and gateway
 * admins). Memberships are read afresh: a write must not go through on a role revoked seconds ago.
 *
 * @example const plugin = await authorizePartnerWrite(kernel, request, 'fal-ai');
 */
export async function authorizePartnerWrite(
  kernel: Kernel,
  request: FastifyRequest,
  providerId: string,
): Promise<ProviderPluginV1> {
  const principal = await kernel.authenticator.authenticate(request.headers.authorization);
  const plugin = partnerPlugin(kernel, providerId);
  const access = await kernel.resolve(coreTokens.organizationAccess).load(principal.userId);
  const organization = kernel.resolve(coreTokens.providerOrganizations).organizationOf(providerId);
  assertMayManageMappings(access, organization, providerId);
  return plugin;
}
