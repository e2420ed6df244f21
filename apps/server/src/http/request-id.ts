/**
 * The id of each request, and the client's own correlation id.
 *
 * The gateway always mints the id it bills by: the ledger and the request records are idempotent by request id, so
 * an id the client chose would let a client replay one id for free requests, or collide with another account's
 * request. The ids are UUIDv7 (time-ordered), so the indexes keyed by request id grow at their end instead of
 * dirtying a random page per insert. A client's sane `x-request-id` is kept as `clientRequestId`, for its logs.
 */
import { randomFillSync } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { v7 } from 'uuid';

/** Printable, header- and log-safe, and short enough not to bloat logs. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:=+/-]{1,128}$/;

// The random bits come from a pool filled 256 ids at a time: uuid's own source asks Web Crypto for 16 bytes per id,
// which cost more than the rest of the id (about 7 us a request in `bench/tools/stream-cost.mjs --cpu-prof`).
const POOL_IDS = 256;
const pool = new Uint8Array(16 * POOL_IDS);
let next = POOL_IDS;
function pooledRandom(): Uint8Array {
  if (next === POOL_IDS) {
    randomFillSync(pool);
    next = 0;
  }
  next += 1;
  return pool.subarray((next - 1) * 16, next * 16);
}

/**
 * Time-ordered to the millisecond; ids of one millisecond are in random order, which keeps them on the same index
 * pages all the same.
 *
 * @example
 * newRequestId(); // '01a23aee-b29e-730e-a983-35a5802043b4'
 */
export function newRequestId(): string {
  return v7({ rng: pooledRandom });
}

/**
 * @example
 * clientRequestIdOf({ 'x-request-id': 'trace-42' }) === 'trace-42';
 * clientRequestIdOf({ 'x-request-id': 'bad id\n' }) === undefined;
 */
export function clientRequestIdOf(headers: IncomingHttpHeaders): string | undefined {
  const incoming = headers['x-request-id'];
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : undefined;
}
