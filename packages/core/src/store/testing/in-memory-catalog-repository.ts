/**
 * A `CatalogRepository` in a Map: the contract at its plainest, checked by the same conformance scenarios as the
 * real stores. For tests that need a catalog but no database; nothing is persisted.
 */
import { randomUUID } from 'node:crypto';
import type { CatalogMappingRecord, CatalogMappingStatus, CatalogRepository } from '../catalog-repository.js';
import { catalogMappingMatches, prepareCatalogMapping } from '../prepare-catalog-mapping.js';

const copyOf = (record: CatalogMappingRecord): CatalogMappingRecord => structuredClone(record);

const oldestFirst = (left: CatalogMappingRecord, right: CatalogMappingRecord): number =>
  left.createdAt === right.createdAt
    ? left.id.localeCompare(right.id)
    : left.createdAt < right.createdAt
      ? -1
      : 1;

/**
 * @example
 * const catalog = createInMemoryCatalogRepository();
 * await catalog.upsert({ type: 'single', hfModelId: 'openai/gpt-oss-120b', providerId: 'groq',
 *   providerModelId: 'openai/gpt-oss-120b', task: 'conversational', status: 'live', origin: 'plugin' });
 */
export function createInMemoryCatalogRepository(): CatalogRepository {
  const byKey = new Map<string, CatalogMappingRecord>();
  const keyOfId = new Map<string, string>();
  let revision = 0;

  return {
    async upsert(input, options = {}) {
      const { mapping, naturalKey } = prepareCatalogMapping(input);
      const existing = byKey.get(naturalKey);
      const now = new Date().toISOString();
      if (existing === undefined) {
        const record = {
          ...mapping,
          id: randomUUID(),
          createdAt: now,
          updatedAt: now,
        } as CatalogMappingRecord;
        byKey.set(naturalKey, record);
        keyOfId.set(record.id, naturalKey);
        revision += 1;
        return { record: copyOf(record), outcome: 'created' };
      }
      if (options.keepOrigins?.includes(existing.origin))
        return { record: copyOf(existing), outcome: 'kept' };
      if (catalogMappingMatches(existing, mapping)) return { record: copyOf(existing), outcome: 'unchanged' };
      const record = {
        ...mapping,
        id: existing.id,
        createdAt: existing.createdAt,
        updatedAt: now,
      } as CatalogMappingRecord;
      byKey.set(naturalKey, record);
      revision += 1;
      return { record: copyOf(record), outcome: 'updated' };
    },
    async findById(id) {
      const key = keyOfId.get(id);
      const record = key === undefined ? undefined : byKey.get(key);
      return record === undefined ? undefined : copyOf(record);
    },
    async list(filter = {}) {
      return [...byKey.values()]
        .filter(
          (record) =>
            (filter.providerId === undefined || record.providerId === filter.providerId) &&
            (filter.hfModelId === undefined ||
              (record.type === 'single' && record.hfModelId === filter.hfModelId)) &&
            (filter.status === undefined || record.status === filter.status) &&
            (filter.task === undefined || record.task === filter.task) &&
            (filter.origin === undefined || record.origin === filter.origin),
        )
        .sort(oldestFirst)
        .map(copyOf);
    },
    async setStatus(id: string, status: CatalogMappingStatus) {
      const key = keyOfId.get(id);
      const existing = key === undefined ? undefined : byKey.get(key);
      if (key === undefined || existing === undefined) return undefined;
      if (existing.status === status) return copyOf(existing);
      const record = { ...existing, status, updatedAt: new Date().toISOString() };
      byKey.set(key, record);
      revision += 1;
      return copyOf(record);
    },
    async delete(id) {
      const key = keyOfId.get(id);
      if (key === undefined) return false;
      keyOfId.delete(id);
      byKey.delete(key);
      revision += 1;
      return true;
    },
    async revision() {
      return revision;
    },
  };
}
