/** A narrow check for plain JSON objects in lenient upstream parsing. */

/** @example isRecord({ label: 'POSITIVE' }) === true; isRecord([1]) === false */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value != null && typeof value === 'object' && !Array.isArray(value);
}
