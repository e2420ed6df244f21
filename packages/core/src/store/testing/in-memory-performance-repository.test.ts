import { beforeEach } from 'vitest';
import type { PerformanceRepository } from '../performance-repository.js';
import { createInMemoryPerformanceRepository } from './in-memory-performance-repository.js';
import { describePerformanceRepositoryConformance } from './performance-repository-conformance.js';

// The in-memory repository stands in for a store in core's own tests, so it must keep the same contract.
let repository: PerformanceRepository = createInMemoryPerformanceRepository();
beforeEach(() => {
  repository = createInMemoryPerformanceRepository();
});

describePerformanceRepositoryConformance(() => repository);
