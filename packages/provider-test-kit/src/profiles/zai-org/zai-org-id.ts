/** The shape of Z.ai's completion and request ids. */
import { randomHex } from '../random-ids.js';

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * `yyyyMMddHHmmss` in Beijing time followed by 16 hex digits, as Z.ai's completion and request ids.
 *
 * @example
 * zaiId(); // '20261201174112c8f3e1a2b4d6094e57'
 */
export function zaiId(): string {
  const stamp = new Date(Date.now() + BEIJING_OFFSET_MS).toISOString().replace(/\D/g, '').slice(0, 14);
  return `${stamp}${randomHex(16)}`;
}
