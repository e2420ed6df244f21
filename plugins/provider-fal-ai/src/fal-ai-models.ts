/** Hugging Face models fal serves, with fal's endpoint ids (Dec 2026), and where each mapping fact comes from. */
import type { ModelMappingV1, TaskId } from '@tollgate/provider-spec';

const live = (hfModelId: string, providerModelId: string, task: TaskId): ModelMappingV1 => ({
  hfModelId,
  providerModelId,
  task,
  status: 'live',
});

export const falAiModels: readonly ModelMappingV1[] = [
  // Both FLUX.1 mappings are in Hugging Face's own fal-ai provider table (huggingface.js `providers/fal-ai.ts`)
  // and its documented textToImage walk-through.
  live('black-forest-labs/FLUX.1-dev', 'fal-ai/flux/dev', 'text-to-image'),
  live('black-forest-labs/FLUX.1-schnell', 'fal-ai/flux/schnell', 'text-to-image'),
  // A LoRA on FLUX.1 [dev]: the mapping Hugging Face's client tests use for fal's `fal-ai/flux-lora` endpoint,
  // which takes the adapter's weights as `loras: [{ path, scale }]`.
  {
    ...live('openfree/flux-chatgpt-ghibli-lora', 'fal-ai/flux-lora', 'text-to-image'),
    adapter: 'lora',
    adapterWeightsPath: 'flux-chatgpt-ghibli-lora.safetensors',
  },
  // Hugging Face's image-editor guide edits images with FLUX.1 Kontext [dev] through fal; fal serves the
  // open-weights model as `fal-ai/flux-kontext/dev` (fal model page).
  live('black-forest-labs/FLUX.1-Kontext-dev', 'fal-ai/flux-kontext/dev', 'image-to-image'),
  // fal's Wan 2.2 A14B endpoints run the Wan-AI A14B checkpoints (fal model pages, "Wan2.2 T2V-A14B" / "I2V-A14B").
  live('Wan-AI/Wan2.2-T2V-A14B', 'fal-ai/wan/v2.2-a14b/text-to-video', 'text-to-video'),
  live('Wan-AI/Wan2.2-I2V-A14B', 'fal-ai/wan/v2.2-a14b/image-to-video', 'image-to-video'),
  // In Hugging Face's fal-ai provider table; Hugging Face's clients call it synchronously on fal.run.
  live('openai/whisper-large-v3', 'fal-ai/whisper', 'automatic-speech-recognition'),
  // fal's Kokoro endpoint runs hexgrad's Kokoro-82M (fal model page and fal's published Kokoro app source).
  live('hexgrad/Kokoro-82M', 'fal-ai/kokoro/american-english', 'text-to-speech'),
];
