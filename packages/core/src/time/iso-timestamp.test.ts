import { describe, expect, it } from 'vitest';
import { canonicalIsoTimestamp, isoTimestamp } from './iso-timestamp.js';

describe('isoTimestamp', () => {
  it('gives the text toISOString gives, for the same millisecond again and for the next', () => {
    const now = Date.UTC(2026, 11, 3, 13, 55, 0, 123);
    expect(isoTimestamp(now)).toBe('2026-12-03T13:55:00.123Z');
    expect(isoTimestamp(now)).toBe('2026-12-03T13:55:00.123Z');
    expect(isoTimestamp(now + 1)).toBe('2026-12-03T13:55:00.124Z');
    expect(isoTimestamp(now)).toBe(new Date(now).toISOString());
  });

  it('refuses an invalid time as toISOString does, and then still formats valid ones', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(isoTimestamp(now)).toBe('2026-01-01T00:00:00.000Z');
    expect(() => isoTimestamp(Number.NaN)).toThrow(RangeError);
    expect(isoTimestamp(now)).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('canonicalIsoTimestamp', () => {
  it('gives toISOString text of any form of an instant, and refuses what names none', () => {
    expect(canonicalIsoTimestamp('2026-12-03T13:55:00.123Z')).toBe('2026-12-03T13:55:00.123Z');
    expect(canonicalIsoTimestamp('2026-12-03T14:55:00+01:00')).toBe('2026-12-03T13:55:00.000Z');
    expect(canonicalIsoTimestamp('2026-12-03T13:55:00Z')).toBe('2026-12-03T13:55:00.000Z');
    expect(() => canonicalIsoTimestamp('yesterday')).toThrow(RangeError);
    // Well-formed but impossible: refused as toISOString refuses it, not passed through.
    expect(() => canonicalIsoTimestamp('2026-13-45T25:61:00.000Z')).toThrow(RangeError);
  });

  it('gives a text formatted lately back as it is, and still refuses what names no instant', () => {
    const text = isoTimestamp(Date.UTC(2026, 11, 6, 22, 0, 0, 7));
    expect(canonicalIsoTimestamp(text)).toBe(text);
    expect(() => canonicalIsoTimestamp('')).toThrow(RangeError);
  });

  it('gives toISOString text for instants that alternate, as the stamps of one request do', () => {
    const start = Date.UTC(2026, 11, 6, 22, 0, 0, 0);
    for (let step = 0; step < 50; step += 1) {
      for (const at of [start + step, start + 1000 + step, start + step, start + 7 * step]) {
        const text = isoTimestamp(at);
        expect(text).toBe(new Date(at).toISOString());
        expect(canonicalIsoTimestamp(text)).toBe(text);
        expect(canonicalIsoTimestamp(new Date(at).toISOString().replace('Z', '+00:00'))).toBe(text);
      }
    }
  });
});
