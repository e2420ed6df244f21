import { describe, expect, it } from 'vitest';
import { parseBillableUnits } from './parse-billable-units.js';

describe('parseBillableUnits', () => {
  it('reads whole and fractional units into thousandths, exactly', () => {
    expect(parseBillableUnits('1')).toBe(1000);
    expect(parseBillableUnits('3.008')).toBe(3008);
    expect(parseBillableUnits(' 5.0625 ')).toBe(5063);
    expect(parseBillableUnits('0.5')).toBe(500);
  });

  it('rounds up past the third decimal, so a charge is never metered below what fal billed', () => {
    expect(parseBillableUnits('0.0001')).toBe(1);
    expect(parseBillableUnits('2.0000')).toBe(2000);
  });

  it('ignores a missing or malformed header', () => {
    expect(parseBillableUnits(undefined)).toBeUndefined();
    expect(parseBillableUnits('')).toBeUndefined();
    expect(parseBillableUnits('-1')).toBeUndefined();
    expect(parseBillableUnits('1e3')).toBeUndefined();
    expect(parseBillableUnits('NaN')).toBeUndefined();
    expect(parseBillableUnits('9'.repeat(30))).toBeUndefined();
  });
});
