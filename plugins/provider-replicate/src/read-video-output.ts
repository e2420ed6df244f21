/** A succeeded video prediction -> `{ video }`. */
import type { VideoGenerationOutputV1 } from '@tollgate/provider-spec';
import { firstOutputMedia } from './output-media.js';
import type { ReplicatePrediction } from './replicate-prediction.js';

/**
 * Video models return one URL string (an MP4 on replicate.delivery).
 *
 * @example
 * readVideoOutput({ ...prediction, output: 'https://replicate.delivery/xezq/a/output.mp4' });
 * // { output: { video: { kind: 'url', url: '…/output.mp4', contentType: 'video/mp4' } } }
 */
export function readVideoOutput(prediction: ReplicatePrediction): { output: VideoGenerationOutputV1 } {
  return { output: { video: firstOutputMedia(prediction.output, 'text-to-video') } };
}
