/**
 * The cost of a request as the client reads it: OpenAI-style `usage.cost`, a JSON number of USD. The number is made
 * from the exact decimal of the nano-USD amount (never from float arithmetic on money), and a decimal of at most
 * 9 fraction digits below $1,000,000 (15 significant digits) is a double that prints back as the same decimal.
 */
import { type NanoUsd, nanoToUsd } from './nano-usd.js';

/** @example usdNumber(1_234_500n) === 0.0012345 */
export function usdNumber(nano: NanoUsd): number {
  return Number(nanoToUsd(nano));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value != null && typeof value === 'object' && !Array.isArray(value);

/**
 * `payload` with `usage.cost` set (a copy; the payload given is not changed); a `usage` object is added when the
 * payload has none and `addUsage` is set. A JSON text is parsed first; one without a `usage` object comes back as it
 * was.
 *
 * @example
 * withUsageCost({ choices: [], usage: { prompt_tokens: 9 } }, 1_500n); // { choices: [], usage: { prompt_tokens: 9, cost: 0.0000015 } }
 */
export function withUsageCost(payload: unknown, costNanoUsd: NanoUsd, addUsage = false): unknown {
  const parsed = typeof payload === 'string' ? parseObject(payload) : payload;
  if (!isRecord(parsed)) return payload;
  const usage = parsed.usage;
  if (!isRecord(usage) && !addUsage) return payload;
  return { ...parsed, usage: { ...(isRecord(usage) ? usage : {}), cost: usdNumber(costNanoUsd) } };
}

function parseObject(text: string): unknown {
  if (!text.includes('"usage"')) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
