import { describe, expect, it } from 'vitest';
import { billingPeriodOf, isBillingPeriod } from './billing-period.js';

describe('billingPeriodOf', () => {
  it('names the UTC calendar month, whatever the local time zone would say', () => {
    expect(billingPeriodOf(new Date('2026-03-31T23:59:59.999Z'))).toBe('2026-03');
    expect(billingPeriodOf(new Date('2026-04-01T00:00:00.000Z'))).toBe('2026-04');
    expect(billingPeriodOf(new Date('2026-12-31T23:30:00.000-05:00'))).toBe('2027-01');
  });

  it('refuses an invalid date', () => {
    expect(() => billingPeriodOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('isBillingPeriod', () => {
  it('accepts YYYY-MM only', () => {
    expect(isBillingPeriod('2026-01')).toBe(true);
    expect(isBillingPeriod('2026-13')).toBe(false);
    expect(isBillingPeriod('2026-1')).toBe(false);
  });
});
