/** `text-to-video` in the public shape -> the input of Wan 2.2 on Replicate (`wan-video/wan-2.2-*`). */
import type { TextToVideoInputV1 } from '@tollgate/provider-spec';
import { aspectRatioFor, WAN_ASPECT_RATIOS } from './aspect-ratio.js';
import { compactInput } from './compact-input.js';
import { requiredPrompt } from './required-prompt.js';

/**
 * Wan takes a `resolution` tier (`480p` or `720p`) and an aspect ratio rather than a size, so a requested size
 * picks the tier by its shorter side and the ratio when it is one Wan offers.
 *
 * @example
 * mapTextToVideoInput({ inputs: 'A cat surfing', parameters: { width: 1280, height: 720, num_frames: 81 } });
 * // { prompt: 'A cat surfing', num_frames: 81, resolution: '720p', aspect_ratio: '16:9' }
 */
export function mapTextToVideoInput(input: TextToVideoInputV1): Record<string, unknown> {
  const parameters = input.parameters ?? {};
  const { width, height } = parameters;
  const shorterSide = width !== undefined && height !== undefined ? Math.min(width, height) : undefined;
  return compactInput({
    prompt: requiredPrompt(input.inputs, 'inputs'),
    negative_prompt: parameters.negative_prompt,
    num_frames: parameters.num_frames,
    resolution: shorterSide === undefined ? undefined : shorterSide <= 480 ? '480p' : '720p',
    aspect_ratio: parameters.aspect_ratio ?? aspectRatioFor(width, height, WAN_ASPECT_RATIOS),
    seed: parameters.seed,
  });
}
