import type { ModelMappingV1 } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { loraWeightsFor } from './lora-weights.js';

const models: ModelMappingV1[] = [
  {
    hfModelId: 'black-forest-labs/FLUX.1-dev',
    providerModelId: 'black-forest-labs/flux-dev',
    task: 'text-to-image',
    status: 'live',
  },
  {
    hfModelId: 'someone/flux-watercolor-lora',
    providerModelId: 'black-forest-labs/flux-dev-lora',
    task: 'text-to-image',
    status: 'live',
    adapter: 'lora',
    adapterWeightsPath: 'lora.safetensors',
  },
];

describe('loraWeightsFor', () => {
  it('points Replicate at the adapter repository on the Hub', () => {
    expect(loraWeightsFor(models, 'someone/flux-watercolor-lora')).toBe(
      'https://huggingface.co/someone/flux-watercolor-lora',
    );
  });

  it('sends no weights for a model that is not an adapter', () => {
    expect(loraWeightsFor(models, 'black-forest-labs/FLUX.1-dev')).toBeUndefined();
    expect(loraWeightsFor(models, 'unknown/model')).toBeUndefined();
  });
});
