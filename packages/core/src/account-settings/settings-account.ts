/** Whose inference provider settings route a request. */
import type { Principal } from '../auth/principal.js';

/**
 * The caller's own account, keyed by its user id. When organizations pay for their members' requests (issue 5),
 * this is where the billed organization's id takes over, so that its settings apply to what it pays for.
 *
 * @example settingsAccountOf(principal) // '5b0c8a52-…', the user id
 */
export function settingsAccountOf(principal: Principal): string {
  return principal.userId;
}
