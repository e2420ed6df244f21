/** Reads OpenAI's image `size` (`"1024x1024"`, or `"auto"`) into the width and height the image tasks take. */
import { type ImageSizeV1, InputError } from '@tollgate/provider-spec';

const SIZE = /^([1-9]\d{0,4})x([1-9]\d{0,4})$/;

/**
 * Undefined for no size or `"auto"` (the provider's default size); an `InputError` on `size` for anything that
 * is not `WIDTHxHEIGHT` in pixels. Whether the provider serves that size is the provider's to say.
 *
 * @example
 * parseImageSize('1024x768'); // { width: 1024, height: 768 }
 * parseImageSize('auto'); // undefined
 */
export function parseImageSize(size: string | undefined): ImageSizeV1 | undefined {
  if (size === undefined || size === 'auto') return undefined;
  const match = SIZE.exec(size);
  if (!match) {
    throw new InputError({
      message: `'size' must be WIDTHxHEIGHT in pixels, such as 1024x1024, or 'auto' (got '${size}')`,
      param: 'size',
    });
  }
  return { width: Number(match[1]), height: Number(match[2]) };
}
