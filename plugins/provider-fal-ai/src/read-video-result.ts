/** Reads the output of fal's video endpoints: `{video: {url, content_type, file_name, file_size}, seed, prompt}`. */
import { UpstreamOutputError, type VideoGenerationOutputV1 } from '@tollgate/provider-spec';
import { falOutputMedia } from './fal-output-media.js';
import type { FalResultReading } from './fal-task-options.js';
import { billedVideoMilliseconds } from './wan-frame-count.js';

/**
 * The video fal returned, and the video seconds fal bills for the frames that were asked for. Throws an
 * `UpstreamOutputError` when the answer has no video.
 *
 * @example
 * readVideoResult({ video: { url: 'https://v3.fal.media/files/v.mp4', content_type: 'video/mp4' } }, 81, 'fal-ai');
 * // { output: { video: { kind: 'url', url: '...', contentType: 'video/mp4' } }, billedThousandths: 5063 }
 */
export function readVideoResult(
  body: unknown,
  frames: number,
  providerId: string,
): FalResultReading<VideoGenerationOutputV1> {
  const video = body != null && typeof body === 'object' ? (body as { video?: unknown }).video : undefined;
  if (video == null)
    throw new UpstreamOutputError({ message: `${providerId} returned no video`, providerId });
  return {
    output: { video: falOutputMedia(video, providerId) },
    billedThousandths: billedVideoMilliseconds(frames),
  };
}
