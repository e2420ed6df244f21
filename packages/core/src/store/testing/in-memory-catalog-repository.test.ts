import { beforeEach } from 'vitest';
import type { CatalogRepository } from '../catalog-repository.js';
import { describeCatalogRepositoryConformance } from './catalog-repository-conformance.js';
import { describeCatalogRevisionConformance } from './catalog-revision-conformance.js';
import { createInMemoryCatalogRepository } from './in-memory-catalog-repository.js';

// The in-memory repository stands in for a store in core's own tests, so it must keep the same contract.
let repository: CatalogRepository = createInMemoryCatalogRepository();
beforeEach(() => {
  repository = createInMemoryCatalogRepository();
});

describeCatalogRepositoryConformance(() => repository);
describeCatalogRevisionConformance(() => repository);
