/** Whose stored provider keys a request may use, first match wins. */
import type { Principal } from '../auth/principal.js';

/**
 * The caller's own account. Keys are the user's own (Hugging Face's "routed with your own key" lives in the user's
 * settings), so an organization's key does not follow its members around; it applies only to requests billed to
 * that organization, and when `X-HF-Bill-To` reaches the principal its organization's id is appended here, after
 * the user's own (Hugging Face ignores bill-to for requests routed with the caller's key). See decision 0018.
 *
 * @example providerKeyAccountsOf(principal) // ['5b0c8a52-…'], the user id
 */
export function providerKeyAccountsOf(principal: Principal): readonly string[] {
  return [principal.userId];
}
