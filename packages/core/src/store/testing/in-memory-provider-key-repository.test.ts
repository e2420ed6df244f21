import { beforeEach } from 'vitest';
import type { ProviderKeyRepository } from '../provider-key-repository.js';
import { createInMemoryProviderKeyRepository } from './in-memory-provider-key-repository.js';
import { describeProviderKeyRepositoryConformance } from './provider-key-repository-conformance.js';

// The in-memory repository stands in for a store in direct calls and core's tests, so it keeps the same contract.
let repository: ProviderKeyRepository = createInMemoryProviderKeyRepository();
beforeEach(() => {
  repository = createInMemoryProviderKeyRepository();
});

describeProviderKeyRepositoryConformance(() => repository);
