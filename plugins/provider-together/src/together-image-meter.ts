/** How Together's images are billed, given to the routed text-to-image task and the native images route alike. */
import type { ImageMeter } from '@tollgate/openai-compatible';

/**
 * Per megapixel of output; a request without a size gets Together's 1024x1024 default.
 *
 * @example
 * imageUsage(TOGETHER_IMAGE_METER, 2, { width: 512, height: 512 }); // { milliMegapixels: 525 }
 */
export const TOGETHER_IMAGE_METER: ImageMeter = {
  kind: 'megapixels',
  defaultSize: { width: 1024, height: 1024 },
};
