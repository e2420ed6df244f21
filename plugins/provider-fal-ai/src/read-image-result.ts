/** Reads the output of fal's image endpoints: `{images: [{url, width, height, content_type}], seed, ...}`. */
import { type ImageGenerationOutputV1, type ImageSizeV1, UpstreamOutputError } from '@tollgate/provider-spec';
import { billedMilliMegapixels } from './billed-milli-megapixels.js';
import { falOutputMedia } from './fal-output-media.js';
import type { FalResultReading } from './fal-task-options.js';

const dimension = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;

/**
 * Every image fal returned, in order, and the megapixels fal bills for them (from the sizes fal reports, or
 * the size asked for). Throws an `UpstreamOutputError` when the answer has no images.
 *
 * @example
 * readImageResult({ images: [{ url: 'https://v3.fal.media/files/a.jpg', width: 1024, height: 768, content_type: 'image/jpeg' }] }, 'fal-ai');
 * // { output: { images: [{ kind: 'url', url: '...', contentType: 'image/jpeg' }] }, billedThousandths: 1000 }
 */
export function readImageResult(
  body: unknown,
  providerId: string,
  requested?: ImageSizeV1,
): FalResultReading<ImageGenerationOutputV1> {
  const images = body != null && typeof body === 'object' ? (body as { images?: unknown }).images : undefined;
  if (!Array.isArray(images) || images.length === 0) {
    throw new UpstreamOutputError({ message: `${providerId} returned no images`, providerId });
  }
  const sizes = images.map((image) => {
    const record = image != null && typeof image === 'object' ? (image as Record<string, unknown>) : {};
    return { width: dimension(record.width), height: dimension(record.height) };
  });
  return {
    output: { images: images.map((image) => falOutputMedia(image, providerId)) },
    billedThousandths: billedMilliMegapixels(sizes, requested),
  };
}
