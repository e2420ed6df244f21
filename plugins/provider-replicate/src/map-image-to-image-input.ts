/** `image-to-image` in the public shape -> the input of Replicate's FLUX Kontext editing models. */
import type { ImageToImageInputV1 } from '@tollgate/provider-spec';
import { aspectRatioFor, FLUX_ASPECT_RATIOS } from './aspect-ratio.js';
import { compactInput } from './compact-input.js';
import { mediaInputUrl } from './media-input-url.js';

/**
 * The source image goes in `input_image` (as Hugging Face's JS client sends it; Kontext's field name) as a URL or
 * data URL. Without a target size, Kontext keeps the source's shape (`match_input_image`).
 *
 * @example
 * mapImageToImageInput({ inputs: { kind: 'url', url: 'https://example.com/cat.png' }, parameters: { prompt: 'make it blue' } });
 * // { prompt: 'make it blue', input_image: 'https://example.com/cat.png', aspect_ratio: 'match_input_image', output_format: 'png' }
 */
export function mapImageToImageInput(
  input: ImageToImageInputV1,
  loraWeights?: string,
): Record<string, unknown> {
  const parameters = input.parameters ?? {};
  const target = parameters.target_size;
  return compactInput({
    prompt: parameters.prompt,
    input_image: mediaInputUrl(input.inputs),
    aspect_ratio: aspectRatioFor(target?.width, target?.height, FLUX_ASPECT_RATIOS) ?? 'match_input_image',
    prompt_strength: parameters.strength,
    negative_prompt: parameters.negative_prompt,
    num_inference_steps: parameters.num_inference_steps,
    guidance: parameters.guidance_scale,
    seed: parameters.seed,
    output_format: 'png',
    lora_weights: loraWeights,
  });
}
