/** Whose inference provider settings route a request. */
import type { Principal } from '../auth/principal.js';
import { type BilledOrganization, billedAccountOf } from '../billing/billed-account.js';

/**
 * The account that pays for the request (`billedAccountOf`): the caller's own, keyed by its user id, or the
 * organization it bills with `X-HF-Bill-To`, so that the organization's settings (its disabled providers) apply to
 * what it pays for.
 *
 * @example settingsAccountOf(principal) // '5b0c8a52-…', the user id
 */
export function settingsAccountOf(principal: Principal, billTo?: BilledOrganization): string {
  return billedAccountOf({ principal, billTo }).id;
}
