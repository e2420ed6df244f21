import { beforeEach } from 'vitest';
import type { InferenceProviderSettingsRepository } from '../inference-provider-settings-repository.js';
import { createInMemoryInferenceProviderSettingsRepository } from './in-memory-inference-provider-settings-repository.js';
import { describeInferenceProviderSettingsRepositoryConformance } from './inference-provider-settings-repository-conformance.js';

// The in-memory repository stands in for a store in core's own tests, so it must keep the same contract.
let repository: InferenceProviderSettingsRepository = createInMemoryInferenceProviderSettingsRepository();
beforeEach(() => {
  repository = createInMemoryInferenceProviderSettingsRepository();
});

describeInferenceProviderSettingsRepositoryConformance(() => repository);
