import { beforeEach } from 'vitest';
import type { RequestRecordRepository } from '../request-record-repository.js';
import { createInMemoryRequestRecordRepository } from './in-memory-request-record-repository.js';
import { describeRequestRecordRepositoryConformance } from './request-record-repository-conformance.js';

// The in-memory repository stands in for a store in direct calls and core's tests, so it keeps the same contract.
let repository: RequestRecordRepository = createInMemoryRequestRecordRepository();
beforeEach(() => {
  repository = createInMemoryRequestRecordRepository();
});

describeRequestRecordRepositoryConformance(() => repository);
