// The shared provider conformance suite, run against the 'featherless-ai' simulator profile, with a fixture per task.
import type { TextGenerationOutputV1 } from '@tollgate/provider-spec';
import { runProviderConformance } from '@tollgate/provider-test-kit';
import { expect } from 'vitest';
import plugin from './index.js';

runProviderConformance({
  plugin,
  tasks: {
    'text-generation': {
      input: { inputs: 'The harbour at night', parameters: { max_new_tokens: 5 } },
      check: (output) => expect((output as TextGenerationOutputV1).generated_text.split(' ')).toHaveLength(6),
    },
  },
  skip: [
    {
      test: 'has a rate card for every mapped provider model',
      reason: 'Featherless sells subscriptions and publishes no per-token prices; operators configure rates',
    },
  ],
});
