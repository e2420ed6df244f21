/** Authenticates a task route's request in `onRequest`, before its body is read, and keeps the principal for the handler. */
import type { Kernel, Principal } from '@tollgate/core';
import type { FastifyRequest } from 'fastify';

export interface AuthenticatedPrincipals {
  /** An `onRequest` hook: rejects with the authenticator's 401 before any of the body is read. */
  readonly onRequest: (request: FastifyRequest) => Promise<void>;
  /** The principal `onRequest` authenticated for `request`. */
  of(request: FastifyRequest): Principal;
}

/**
 * @example
 * const principals = authenticatedPrincipals(kernel);
 * app.post('/v1/embeddings', { onRequest: principals.onRequest }, async (request) => principals.of(request));
 */
export function authenticatedPrincipals(kernel: Kernel): AuthenticatedPrincipals {
  const principals = new WeakMap<FastifyRequest, Principal>();
  return {
    onRequest: async (request) => {
      principals.set(request, await kernel.authenticator.authenticate(request.headers.authorization));
    },
    of(request) {
      const principal = principals.get(request);
      if (!principal) throw new Error('The route did not authenticate the request in onRequest.');
      return principal;
    },
  };
}
