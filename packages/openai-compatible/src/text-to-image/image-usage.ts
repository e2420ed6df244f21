/** The usage of an image generation: images returned, or their megapixels, as the provider bills. */
import type { ImageGenerationParametersV1, UsageV1 } from '@tollgate/provider-spec';
import type { ImageMeter } from './openai-compatible-text-to-image-config.js';

/**
 * `{ images }` for per-image prices; `{ milliMegapixels }` for per-megapixel prices: images x width x height of
 * the requested size (or the provider's documented default), rounded up to a whole thousandth of a megapixel.
 *
 * @example
 * imageUsage({ kind: 'megapixels', defaultSize: { width: 1024, height: 1024 } }, 2, {}); // { milliMegapixels: 2098 }
 */
export function imageUsage(
  meter: ImageMeter,
  imagesReturned: number,
  parameters: ImageGenerationParametersV1 = {},
): UsageV1 {
  if (meter.kind === 'images') return { images: imagesReturned };
  const width = parameters.width ?? meter.defaultSize.width;
  const height = parameters.height ?? meter.defaultSize.height;
  return { milliMegapixels: Math.ceil((imagesReturned * width * height) / 1000) };
}
