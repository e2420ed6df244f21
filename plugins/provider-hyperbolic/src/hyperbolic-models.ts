/** Hugging Face models Hyperbolic serves for chat and image generation, with Hyperbolic's model ids. */
import type { ModelMappingV1 } from '@tollgate/provider-spec';

const chat = (hfModelId: string, providerModelId = hfModelId): ModelMappingV1 => ({
  hfModelId,
  providerModelId,
  task: 'conversational',
  status: 'live',
});

/**
 * Hugging Face dropped Hyperbolic from its router in July 2026; Hyperbolic's own API still serves these models
 * under their Hub ids (Llama 3.1 keeps its older `Meta-` name). Hugging Face's last Hyperbolic page also mapped
 * `Qwen/Qwen3-Next-80B-A3B-Instruct` and `Qwen/Qwen2.5-VL-7B-Instruct`, but their Hyperbolic prices could not be
 * confirmed on 2026-11-23, so they are left unmapped rather than priced by guess.
 */
export const hyperbolicModels: readonly ModelMappingV1[] = [
  chat('meta-llama/Llama-3.3-70B-Instruct'),
  chat('meta-llama/Llama-3.1-8B-Instruct', 'meta-llama/Meta-Llama-3.1-8B-Instruct'),
  chat('deepseek-ai/DeepSeek-V3-0324'),
  chat('deepseek-ai/DeepSeek-R1-0528'),
  chat('Qwen/Qwen3-235B-A22B'),
  chat('Qwen/Qwen2.5-72B-Instruct'),
  // Image models go by Hyperbolic's own `model_name`.
  {
    hfModelId: 'black-forest-labs/FLUX.1-dev',
    providerModelId: 'FLUX.1-dev',
    task: 'text-to-image',
    status: 'live',
  },
  {
    hfModelId: 'stabilityai/stable-diffusion-xl-base-1.0',
    providerModelId: 'SDXL1.0-base',
    task: 'text-to-image',
    status: 'live',
  },
];
