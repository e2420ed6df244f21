/** The arguments of fal's Wan 2.2 A14B image-to-video endpoint for a public `image-to-video` request. */
import type { ImageToVideoInputV1 } from '@tollgate/provider-spec';
import { compactArguments } from './compact-arguments.js';
import { falInputUrl } from './fal-input-url.js';
import { WAN_RESOLUTION } from './map-text-to-video-arguments.js';
import { requiredPrompt } from './required-prompt.js';
import { wanAspectRatio } from './wan-aspect-ratio.js';
import { wanFrameCount } from './wan-frame-count.js';

/**
 * `{image_url, prompt, ...}` with the same frame count and 720p resolution as text-to-video. The first frame goes
 * as a URL or data URL; Wan's image-to-video requires a prompt too, and may be asked for `auto` aspect ratio
 * (the image's own).
 *
 * @example
 * mapImageToVideoArguments({ inputs: { kind: 'url', url: 'https://example.com/dragon.jpg' }, parameters: { prompt: 'The dragon takes off' } });
 * // { image_url: 'https://example.com/dragon.jpg', prompt: 'The dragon takes off', num_frames: 81, resolution: '720p' }
 */
export function mapImageToVideoArguments(input: ImageToVideoInputV1): Record<string, unknown> {
  const parameters = input.parameters;
  return compactArguments({
    image_url: falInputUrl(input.inputs),
    prompt: requiredPrompt(parameters?.prompt, 'parameters.prompt'),
    negative_prompt: parameters?.negative_prompt,
    num_frames: wanFrameCount(parameters),
    resolution: WAN_RESOLUTION,
    aspect_ratio: wanAspectRatio(parameters, true),
    num_inference_steps: parameters?.num_inference_steps,
    guidance_scale: parameters?.guidance_scale,
    seed: parameters?.seed,
  });
}
