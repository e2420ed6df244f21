/** A catalog snapshot built straight from plugins and configuration, for tests that route without a store. */
import type { ProviderRegistry } from '../registry/provider-registry.js';
import type { ProvidersConfig } from '../settings/provider-config.js';
import type { CatalogMappingRecord } from '../store/catalog-repository.js';
import { prepareCatalogMapping } from '../store/prepare-catalog-mapping.js';
import { catalogSeed } from './catalog-seed.js';
import { CatalogSnapshot } from './catalog-snapshot.js';

/** What a freshly seeded store would hold, as a snapshot (ids are `mapping-<n>`). */
export function seededSnapshot(registry: ProviderRegistry, providers: ProvidersConfig = {}): CatalogSnapshot {
  const createdAt = new Date().toISOString();
  const records = catalogSeed(registry, providers).map(
    ({ input }, index) =>
      ({
        ...prepareCatalogMapping(input).mapping,
        id: `mapping-${index}`,
        createdAt,
        updatedAt: createdAt,
      }) as CatalogMappingRecord,
  );
  return CatalogSnapshot.fromRecords(
    records,
    registry.list().map(({ plugin }) => plugin.id),
  );
}
