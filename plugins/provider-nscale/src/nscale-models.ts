/** Hugging Face models Nscale serves for chat and image generation, with Nscale's model ids (the Hub ids). */
import type { ModelMappingV1 } from '@tollgate/provider-spec';

const chat = (id: string, metadata: ModelMappingV1['metadata'] = {}): ModelMappingV1 => ({
  hfModelId: id,
  providerModelId: id,
  task: 'conversational',
  status: 'live',
  metadata: { supportsTools: true, ...metadata },
});

/**
 * Nscale names models by their Hub ids; `openai/gpt-oss-20b` and `Qwen/Qwen3-235B-A22B` are on Hugging Face's
 * Nscale page, `openai/gpt-oss-120b` in Nscale's own catalog. `meta-llama/Llama-4-Scout-17B-16E-Instruct` is
 * also on Hugging Face's page but is left unmapped: no price for it could be found, not even another
 * provider's to estimate from.
 */
export const nscaleModels: readonly ModelMappingV1[] = [
  chat('openai/gpt-oss-120b', { contextLength: 131_072 }),
  chat('openai/gpt-oss-20b', { contextLength: 131_072 }),
  chat('Qwen/Qwen3-235B-A22B'),
  // On Hugging Face's Nscale page for text-to-image.
  {
    hfModelId: 'black-forest-labs/FLUX.1-schnell',
    providerModelId: 'black-forest-labs/FLUX.1-schnell',
    task: 'text-to-image',
    status: 'live',
  },
];
