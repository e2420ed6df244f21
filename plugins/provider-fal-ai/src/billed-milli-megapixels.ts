/** Megapixels as fal bills image models: each image rounded up to whole megapixels of 1024x1024 pixels. */
import type { ImageSizeV1 } from '@tollgate/provider-spec';

/** fal's megapixel: a 1024x1024 image costs exactly one ($0.025 on FLUX.1 [dev]), so it is 2^20 pixels. */
const PIXELS_PER_MEGAPIXEL = 1024 * 1024;

/**
 * Thousandths of billed megapixels for the images returned, each image's pixels rounded up to whole
 * megapixels ("Images are billed by rounding up to the nearest megapixel", fal's FLUX pages). An image
 * without its size uses the requested one; `undefined` when neither is known.
 *
 * @example
 * billedMilliMegapixels([{ width: 1024, height: 768 }, { width: 1536, height: 1024 }]); // 3000 (1 MP + 2 MP)
 */
export function billedMilliMegapixels(
  images: readonly { readonly width?: number; readonly height?: number }[],
  requested?: ImageSizeV1,
): number | undefined {
  let megapixels = 0;
  for (const image of images) {
    const width = image.width ?? requested?.width;
    const height = image.height ?? requested?.height;
    if (width === undefined || height === undefined || width <= 0 || height <= 0) return undefined;
    megapixels += Math.ceil((width * height) / PIXELS_PER_MEGAPIXEL);
  }
  return megapixels * 1000;
}
