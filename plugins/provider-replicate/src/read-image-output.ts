/** A succeeded image prediction -> `{ images }`, counting the images Replicate bills per output. */
import { type ImageGenerationOutputV1, UpstreamOutputError } from '@tollgate/provider-spec';
import { outputMedia, outputUrls } from './output-media.js';
import type { PredictionOutputFacts } from './prediction-usage.js';
import type { ReplicatePrediction } from './replicate-prediction.js';

/**
 * FLUX text-to-image models return a list of URLs, Kontext a single URL string; both are read.
 *
 * @example
 * readImageOutput({ ...prediction, output: ['https://replicate.delivery/xezq/a/out-0.png'] });
 * // { output: { images: [{ kind: 'url', url: '…/out-0.png', contentType: 'image/png' }] }, images: 1 }
 */
export function readImageOutput(
  prediction: ReplicatePrediction,
): { output: ImageGenerationOutputV1 } & PredictionOutputFacts {
  const urls = outputUrls(prediction.output);
  if (urls.length === 0) {
    throw new UpstreamOutputError({
      message: `replicate prediction ${prediction.id} succeeded without an image URL`,
      providerId: 'replicate',
    });
  }
  return { output: { images: urls.map(outputMedia) }, images: urls.length };
}
