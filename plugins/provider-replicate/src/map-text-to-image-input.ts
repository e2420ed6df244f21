/** `text-to-image` in the public shape -> the input of Replicate's FLUX models (`black-forest-labs/flux-*`). */
import type { TextToImageInputV1 } from '@tollgate/provider-spec';
import { aspectRatioFor, FLUX_ASPECT_RATIOS } from './aspect-ratio.js';
import { compactInput } from './compact-input.js';
import { requiredPrompt } from './required-prompt.js';

/**
 * FLUX on Replicate takes `aspect_ratio` from a list instead of a size, `num_outputs` for the image count and
 * `guidance` for the guidance scale. Width and height are passed too, for models that take a size: Replicate
 * ignores input fields a model does not declare (Hugging Face's Python client relies on it, sending an image
 * under four field names). PNG is asked for, because FLUX defaults to lossy WebP.
 *
 * @example
 * mapTextToImageInput({ inputs: 'A lighthouse at dawn', parameters: { width: 1024, height: 1024 } });
 * // { prompt: 'A lighthouse at dawn', aspect_ratio: '1:1', width: 1024, height: 1024, output_format: 'png' }
 */
export function mapTextToImageInput(
  input: TextToImageInputV1,
  loraWeights?: string,
): Record<string, unknown> {
  const parameters = input.parameters ?? {};
  return compactInput({
    prompt: requiredPrompt(input.inputs, 'inputs'),
    negative_prompt: parameters.negative_prompt,
    aspect_ratio: aspectRatioFor(parameters.width, parameters.height, FLUX_ASPECT_RATIOS),
    width: parameters.width,
    height: parameters.height,
    num_outputs: parameters.num_images,
    num_inference_steps: parameters.num_inference_steps,
    guidance: parameters.guidance_scale,
    seed: parameters.seed,
    output_format: 'png',
    lora_weights: loraWeights,
  });
}
