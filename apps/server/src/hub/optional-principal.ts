/** The Hub's read routes are public; a token, when sent, makes them answer for its owner. */
import type { Kernel, Principal } from '@tollgate/core';
import type { FastifyRequest } from 'fastify';

/**
 * The principal of the request's token, or `undefined` without an `Authorization` header. A header with an
 * unknown or revoked token is refused (401), as on the Hub, rather than quietly treated as anonymous.
 *
 * @example const principal = await optionalPrincipal(kernel, request);
 */
export async function optionalPrincipal(
  kernel: Kernel,
  request: FastifyRequest,
): Promise<Principal | undefined> {
  const authorization = request.headers.authorization;
  if (authorization === undefined || authorization.trim() === '') return undefined;
  return kernel.authenticator.authenticate(authorization);
}
