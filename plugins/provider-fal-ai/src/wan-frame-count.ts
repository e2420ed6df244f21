/** How many frames a Wan 2.2 call on fal makes, and the video seconds fal bills for them. */
import type { VideoGenerationParametersV1 } from '@tollgate/provider-spec';

/** fal bills Wan "video seconds ... calculated at 16 frames per second", whatever frame rate the file plays at. */
export const WAN_BILLING_FRAMES_PER_SECOND = 16;
/** fal's default and bounds for `num_frames` (81 frames, 17 to 161). */
const DEFAULT_FRAMES = 81;
const MIN_FRAMES = 17;
const MAX_FRAMES = 161;

/**
 * `num_frames` as given, or a duration turned into frames at 16 per second plus the first frame (5 s -> 81,
 * Wan's own frame count for five seconds), within fal's bounds, or fal's default of 81. The plugin always
 * sends it, so the billed length is exactly known.
 *
 * @example
 * wanFrameCount({ duration_seconds: 5 }); // 81
 * wanFrameCount({}); // 81
 */
export function wanFrameCount(parameters: VideoGenerationParametersV1 | undefined): number {
  if (parameters?.num_frames !== undefined) return parameters.num_frames;
  if (parameters?.duration_seconds !== undefined) {
    const frames = Math.round(parameters.duration_seconds * WAN_BILLING_FRAMES_PER_SECOND) + 1;
    return Math.min(MAX_FRAMES, Math.max(MIN_FRAMES, frames));
  }
  return DEFAULT_FRAMES;
}

/**
 * The video milliseconds fal bills for `frames` (81 frames are 5.0625 s), rounded up to a whole millisecond.
 *
 * @example
 * billedVideoMilliseconds(81); // 5063
 */
export function billedVideoMilliseconds(frames: number): number {
  return Math.ceil((frames * 1000) / WAN_BILLING_FRAMES_PER_SECOND);
}
