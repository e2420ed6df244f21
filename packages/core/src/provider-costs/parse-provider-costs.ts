/** Reads a provider billing API answer (`{"requests":[{"requestId","costNanoUsd"}]}` or `{"requests":null}`). */
import type { NanoUsd } from '../pricing/nano-usd.js';

export interface ParsedProviderCosts {
  /** Cost per provider request id, for the ids asked about that came back with a valid cost. */
  readonly costs: ReadonlyMap<string, NanoUsd>;
  /** Ids asked about whose cost was not a non-negative number: left for a later call. */
  readonly invalid: readonly string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value != null && typeof value === 'object' && !Array.isArray(value);

/**
 * The costs in `body` of the ids in `asked`. Costs are non-negative nano-USD; a fractional one is rounded up, as the
 * provider billing API says. Ids not asked about are ignored; an id answered twice keeps its first valid cost. A
 * body that is not the billing API's shape throws, so the call is retried.
 *
 * @example
 * parseProviderCosts({ requests: [{ requestId: 'a', costNanoUsd: 100.2 }] }, new Set(['a'])).costs.get('a'); // 101n
 */
export function parseProviderCosts(body: unknown, asked: ReadonlySet<string>): ParsedProviderCosts {
  if (!isRecord(body) || !('requests' in body)) {
    throw new TypeError('The billing API answered without a "requests" field.');
  }
  const costs = new Map<string, NanoUsd>();
  const invalid: string[] = [];
  if (body.requests === null) return { costs, invalid };
  if (!Array.isArray(body.requests))
    throw new TypeError('The billing API answered "requests" that is not an array.');
  for (const item of body.requests) {
    if (!isRecord(item) || typeof item.requestId !== 'string' || !asked.has(item.requestId)) continue;
    if (costs.has(item.requestId)) continue;
    const cost = nanoUsdOf(item.costNanoUsd);
    if (cost === undefined) invalid.push(item.requestId);
    else costs.set(item.requestId, cost);
  }
  return { costs, invalid: invalid.filter((id) => !costs.has(id)) };
}

function nanoUsdOf(value: unknown): NanoUsd | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  // A double holds integers exactly up to 2^53 nano-USD ($9M); Math.ceil is exact on it.
  return BigInt(Math.ceil(value));
}
