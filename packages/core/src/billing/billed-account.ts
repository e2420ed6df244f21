/**
 * Who pays for one request: the caller's own account, or the organization the caller named in `X-HF-Bill-To`. The
 * one place that decides it, so that the credit hold, the routing settings and (for custom-key requests) the keys
 * all follow the same account.
 */
import type { Principal } from '../auth/principal.js';

/** An organization that agreed to pay for the request: `BillToResolver` checked the caller is a member and its plan. */
export interface BilledOrganization {
  readonly id: string;
  readonly name: string;
}

export type BilledAccount =
  | { readonly kind: 'user'; readonly id: string; readonly name: string }
  | { readonly kind: 'organization'; readonly id: string; readonly name: string };

/**
 * The account a request is billed to and routed with: the organization in `billTo`, else the caller. Ledger
 * account ids are user ids and organization ids (both UUIDs the store assigns), so they never collide.
 *
 * @example
 * billedAccountOf({ principal, billTo: { id: '1f0c…', name: 'acme' } }); // { kind: 'organization', id: '1f0c…', name: 'acme' }
 */
export function billedAccountOf(request: {
  readonly principal: Principal;
  readonly billTo?: BilledOrganization | undefined;
}): BilledAccount {
  const { principal, billTo } = request;
  if (billTo !== undefined) return { kind: 'organization', id: billTo.id, name: billTo.name };
  return { kind: 'user', id: principal.userId, name: principal.userName };
}
