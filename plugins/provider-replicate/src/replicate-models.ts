/**
 * Hugging Face models Replicate serves, with Replicate's model ids (Dec 2026). Official models are addressed as
 * `owner/name`; community models are pinned to a version as `owner/name:version`.
 */
import type { ModelMappingV1 } from '@tollgate/provider-spec';

export const WHISPER_VERSION = '8099696689d249cf8b122d833c36ac3f75505c666a395ca40ef26f68e7d3d16e';
export const KOKORO_VERSION = 'f559560eb822dc509045f3921a1921234918b91739db4bf3daab2169b71c7a13';

/**
 * The first five are Hugging Face's own Replicate mappings (its provider page lists Kontext, Wan 2.2 and
 * whisper). Hugging Face's clients implement Replicate text-to-speech but its provider page lists no speech
 * model, so Kokoro, Replicate's most-run speech model, is mapped here by Tollgate.
 */
export const replicateModels: readonly ModelMappingV1[] = [
  {
    hfModelId: 'black-forest-labs/FLUX.1-dev',
    providerModelId: 'black-forest-labs/flux-dev',
    task: 'text-to-image',
    status: 'live',
  },
  {
    hfModelId: 'black-forest-labs/FLUX.1-schnell',
    providerModelId: 'black-forest-labs/flux-schnell',
    task: 'text-to-image',
    status: 'live',
  },
  {
    hfModelId: 'black-forest-labs/FLUX.1-Kontext-dev',
    providerModelId: 'black-forest-labs/flux-kontext-dev',
    task: 'image-to-image',
    status: 'live',
  },
  {
    hfModelId: 'Wan-AI/Wan2.2-TI2V-5B',
    providerModelId: 'wan-video/wan-2.2-5b-fast',
    task: 'text-to-video',
    status: 'live',
  },
  {
    hfModelId: 'openai/whisper-large-v3',
    providerModelId: `openai/whisper:${WHISPER_VERSION}`,
    task: 'automatic-speech-recognition',
    status: 'live',
  },
  {
    hfModelId: 'hexgrad/Kokoro-82M',
    providerModelId: `jaaari/kokoro-82m:${KOKORO_VERSION}`,
    task: 'text-to-speech',
    status: 'live',
  },
];
