/** Billing periods are UTC calendar months, named `YYYY-MM`. */

/**
 * The billing period `at` falls in.
 *
 * @example
 * billingPeriodOf(new Date('2026-03-31T23:59:59.999Z')); // '2026-03'
 */
export function billingPeriodOf(at: Date): string {
  const year = at.getUTCFullYear();
  if (!Number.isFinite(year)) throw new RangeError('An invalid date has no billing period.');
  return `${String(year).padStart(4, '0')}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

const periodPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** True for a period name as `billingPeriodOf` writes it. */
export function isBillingPeriod(value: string): boolean {
  return periodPattern.test(value);
}
