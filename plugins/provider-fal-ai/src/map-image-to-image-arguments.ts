/** The arguments of fal's FLUX.1 Kontext [dev] editing endpoint for a public `image-to-image` request. */
import type { ImageToImageInputV1 } from '@tollgate/provider-spec';
import { compactArguments } from './compact-arguments.js';
import { falInputUrl } from './fal-input-url.js';
import { requiredPrompt } from './required-prompt.js';

/**
 * `{image_url, prompt, num_inference_steps, guidance_scale, seed, num_images}`: the source image as a URL or data
 * URL and the edit instruction, which Kontext requires. Kontext edits at the source image's size and has no
 * strength or target size, so `strength` and `target_size` are not sent.
 *
 * @example
 * mapImageToImageArguments({ inputs: { kind: 'url', url: 'https://example.com/cat.png' }, parameters: { prompt: 'Make it a tiger' } });
 * // { image_url: 'https://example.com/cat.png', prompt: 'Make it a tiger' }
 */
export function mapImageToImageArguments(input: ImageToImageInputV1): Record<string, unknown> {
  const parameters = input.parameters ?? {};
  return compactArguments({
    image_url: falInputUrl(input.inputs),
    prompt: requiredPrompt(parameters.prompt, 'parameters.prompt'),
    num_inference_steps: parameters.num_inference_steps,
    guidance_scale: parameters.guidance_scale,
    seed: parameters.seed,
    num_images: parameters.num_images,
  });
}
