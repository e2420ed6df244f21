// The shared provider conformance suite, run against the 'sambanova' simulator profile, with a fixture per task.
import type { FeatureExtractionOutputV1 } from '@tollgate/provider-spec';
import { runProviderConformance } from '@tollgate/provider-test-kit';
import { expect } from 'vitest';
import plugin from './index.js';

runProviderConformance({
  plugin,
  tasks: {
    'feature-extraction': {
      input: { inputs: 'a lighthouse' },
      check: (output) => expect((output as FeatureExtractionOutputV1).embeddings[0]).toHaveLength(4096),
    },
  },
});
