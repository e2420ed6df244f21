/** The public outputs of a completed WaveSpeed prediction: every image, or the one video. */
import {
  type ImageGenerationOutputV1,
  UpstreamOutputError,
  type VideoGenerationOutputV1,
  type VideoGenerationParametersV1,
} from '@tollgate/provider-spec';
import { outputMedia } from './output-media.js';
import type { WavespeedPrediction } from './wavespeed-prediction.js';
import { DEFAULT_VIDEO_SECONDS, type WavespeedOutputFacts } from './wavespeed-usage.js';

function noOutput(prediction: WavespeedPrediction, what: string): UpstreamOutputError {
  return new UpstreamOutputError({
    message: `wavespeed completed prediction ${prediction.id} without ${what}`,
    providerId: 'wavespeed',
  });
}

/**
 * @example
 * readImageOutputs(prediction); // { output: { images: [{ kind: 'url', url: '…/1.jpeg', contentType: 'image/jpeg' }] }, images: 1 }
 */
export function readImageOutputs(
  prediction: WavespeedPrediction,
): { readonly output: ImageGenerationOutputV1 } & WavespeedOutputFacts {
  if (prediction.outputs.length === 0) throw noOutput(prediction, 'an image URL');
  return { output: { images: prediction.outputs.map(outputMedia) }, images: prediction.outputs.length };
}

/**
 * The first output is the clip (WaveSpeed's video models return one); its length is the one asked for.
 *
 * @example
 * readVideoOutput(prediction, { duration_seconds: 8 }); // { output: { video: { kind: 'url', url: '…/output.mp4', contentType: 'video/mp4' } }, videoSeconds: 8 }
 */
export function readVideoOutput(
  prediction: WavespeedPrediction,
  parameters: VideoGenerationParametersV1 | undefined,
): { readonly output: VideoGenerationOutputV1 } & WavespeedOutputFacts {
  const [url] = prediction.outputs;
  if (url === undefined) throw noOutput(prediction, 'a video URL');
  return {
    output: { video: outputMedia(url) },
    videoSeconds: parameters?.duration_seconds ?? DEFAULT_VIDEO_SECONDS,
  };
}
