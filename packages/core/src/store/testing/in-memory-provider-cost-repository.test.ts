import { beforeEach } from 'vitest';
import type { ProviderCostRepository } from '../provider-cost-repository.js';
import type { RequestRecordRepository } from '../request-record-repository.js';
import { createInMemoryProviderCostRepository } from './in-memory-provider-cost-repository.js';
import { createInMemoryRequestRecordRepository } from './in-memory-request-record-repository.js';
import {
  describeProviderCostRepositoryConformance,
  describeRequestRecordRepricingConformance,
} from './provider-cost-repository-conformance.js';

let providerCosts: ProviderCostRepository;
let requests: RequestRecordRepository;
beforeEach(() => {
  providerCosts = createInMemoryProviderCostRepository();
  requests = createInMemoryRequestRecordRepository();
});

describeProviderCostRepositoryConformance(() => providerCosts);
describeRequestRecordRepricingConformance(() => requests);
