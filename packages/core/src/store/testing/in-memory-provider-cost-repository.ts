/** A `ProviderCostRepository` in a Map, checked by the same conformance scenarios as the real stores. */
import type { HoldKey } from '../ledger-repository.js';
import type { PendingProviderCost, ProviderCostRepository } from '../provider-cost-repository.js';

const keyOf = ({ requestId, attempt }: HoldKey): string => `${attempt} ${requestId}`;

const order = (left: PendingProviderCost, right: PendingProviderCost): number =>
  Date.parse(left.askAfter) - Date.parse(right.askAfter) ||
  (left.requestId < right.requestId ? -1 : left.requestId > right.requestId ? 1 : 0) ||
  left.attempt - right.attempt;

/**
 * @example
 * const providerCosts = createInMemoryProviderCostRepository();
 */
export function createInMemoryProviderCostRepository(): ProviderCostRepository {
  const rows = new Map<string, PendingProviderCost>();
  return {
    async add(pending) {
      if (rows.has(keyOf(pending))) return 'existing';
      rows.set(keyOf(pending), { ...pending });
      return 'added';
    },
    async find(hold) {
      const row = rows.get(keyOf(hold));
      return row && { ...row };
    },
    async listDue({ now, limit }) {
      const nowMs = Date.parse(now);
      return [...rows.values()]
        .filter((row) => Date.parse(row.askAfter) <= nowMs)
        .sort(order)
        .slice(0, limit)
        .map((row) => ({ ...row }));
    },
    async remove(hold) {
      rows.delete(keyOf(hold));
    },
  };
}
