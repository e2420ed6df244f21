/** Hugging Face models WaveSpeed serves, with WaveSpeed's model ids (`<owner>/<model>[/<variant>]`). */
import type { ModelMappingV1, TaskId } from '@tollgate/provider-spec';

const live = (hfModelId: string, providerModelId: string, task: TaskId): ModelMappingV1 => ({
  hfModelId,
  providerModelId,
  task,
  status: 'live',
});

/**
 * FLUX.1-dev and Wan2.2-TI2V-5B are the mappings Hugging Face's task pages show for WaveSpeed; FLUX.1-schnell,
 * Wan2.1-T2V-14B and HiDream-E1-Full are the ones Hugging Face's client tests call WaveSpeed with. No image-to-video
 * mapping could be read from Hugging Face on 2026-12-01: Wan2.2-I2V-A14B goes to WaveSpeed's Wan 2.2 image-to-video
 * endpoint by its name. Hugging Face also maps FLUX.2-dev and FLUX.2-klein-9B (image-to-image),
 * HunyuanVideo-1.5 (text-to-video) and Flux LoRA adapters (`wavespeed-ai/flux-dev-lora`) to WaveSpeed, but their
 * WaveSpeed prices could not be read, so they are left unmapped rather than priced by guess.
 */
export const wavespeedModels: readonly ModelMappingV1[] = [
  live('black-forest-labs/FLUX.1-dev', 'wavespeed-ai/flux-dev', 'text-to-image'),
  live('black-forest-labs/FLUX.1-schnell', 'wavespeed-ai/flux-schnell', 'text-to-image'),
  live('HiDream-ai/HiDream-E1-Full', 'wavespeed-ai/hidream-e1-full', 'image-to-image'),
  live('Wan-AI/Wan2.1-T2V-14B', 'wavespeed-ai/wan-2.1/t2v-480p', 'text-to-video'),
  live('Wan-AI/Wan2.2-TI2V-5B', 'wavespeed-ai/wan-2.2/t2v-5b-720p', 'text-to-video'),
  live('Wan-AI/Wan2.2-I2V-A14B', 'wavespeed-ai/wan-2.2/i2v-480p-ultra-fast', 'image-to-video'),
];
