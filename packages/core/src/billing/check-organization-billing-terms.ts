/** The shape every store and caller checks an organization's billing terms against. */
import { InputError } from '@tollgate/provider-spec';
import type { NanoUsd } from '../pricing/nano-usd.js';

/**
 * Throws `InputError` (code `invalid_seats` or `invalid_spending_limit`) unless seats are a positive safe integer
 * and the spending limit, when set, is non-negative.
 *
 * @example
 * checkOrganizationBillingTerms({ seats: 5, spendingLimitNanoUsd: undefined });
 */
export function checkOrganizationBillingTerms(terms: {
  readonly seats: number;
  readonly spendingLimitNanoUsd: NanoUsd | undefined;
}): void {
  if (!Number.isSafeInteger(terms.seats) || terms.seats < 1) {
    throw new InputError({
      message: `An organization has at least one seat, in whole seats; got ${terms.seats}.`,
      param: 'seats',
      code: 'invalid_seats',
    });
  }
  if (terms.spendingLimitNanoUsd !== undefined && terms.spendingLimitNanoUsd < 0n) {
    throw new InputError({
      message: 'A spending limit cannot be negative.',
      param: 'spending_limit',
      code: 'invalid_spending_limit',
    });
  }
}
