/** Whose stored provider keys a request may use, first match wins. */
import type { Principal } from '../auth/principal.js';
import type { BilledOrganization } from '../billing/billed-account.js';

/**
 * The caller's own account first: keys are the user's own (Hugging Face keeps "routed with your own key" in the
 * user's settings and ignores bill-to for such requests). Then the organization the request is billed to
 * (`X-HF-Bill-To`), whose key applies to what it pays for. An organization's key never applies to its members'
 * requests billed to themselves. See decision 0018.
 *
 * @example providerKeyAccountsOf(principal, { id: '1f0c…', name: 'acme' }) // ['5b0c8a52-…', '1f0c…']
 */
export function providerKeyAccountsOf(principal: Principal, billTo?: BilledOrganization): readonly string[] {
  return billTo === undefined ? [principal.userId] : [principal.userId, billTo.id];
}
