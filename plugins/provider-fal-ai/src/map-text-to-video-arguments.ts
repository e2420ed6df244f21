/** The arguments of fal's Wan 2.2 A14B text-to-video endpoint for a public `text-to-video` request. */
import type { TextToVideoInputV1 } from '@tollgate/provider-spec';
import { compactArguments } from './compact-arguments.js';
import { requiredPrompt } from './required-prompt.js';
import { wanAspectRatio } from './wan-aspect-ratio.js';
import { wanFrameCount } from './wan-frame-count.js';

/** fal prices Wan 2.2 per video second by resolution tier; the rate card holds the 720p price, so 720p is asked for. */
export const WAN_RESOLUTION = '720p';

/**
 * `{prompt, negative_prompt, num_frames, resolution: '720p', aspect_ratio, num_inference_steps, guidance_scale,
 * seed}`. `num_frames` is always sent (see `wanFrameCount`), and so is the resolution, so that the billed video
 * seconds and their price are both known exactly.
 *
 * @example
 * mapTextToVideoArguments({ inputs: 'A fox in the snow', parameters: { duration_seconds: 5 } });
 * // { prompt: 'A fox in the snow', num_frames: 81, resolution: '720p' }
 */
export function mapTextToVideoArguments(input: TextToVideoInputV1): Record<string, unknown> {
  const parameters = input.parameters;
  return compactArguments({
    prompt: requiredPrompt(input.inputs, 'inputs'),
    negative_prompt: parameters?.negative_prompt,
    num_frames: wanFrameCount(parameters),
    resolution: WAN_RESOLUTION,
    aspect_ratio: wanAspectRatio(parameters, false),
    num_inference_steps: parameters?.num_inference_steps,
    guidance_scale: parameters?.guidance_scale,
    seed: parameters?.seed,
  });
}
