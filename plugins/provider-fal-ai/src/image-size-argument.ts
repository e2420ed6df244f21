/** The `image_size` argument of fal's FLUX endpoints, from the public width and height. */
import { type ImageSizeV1, InputError } from '@tollgate/provider-spec';

/**
 * `{ width, height }` when both are given; `undefined` when neither is (fal then uses its default,
 * `landscape_4_3`, 1024x768). One without the other is an `InputError`: fal takes a size, not a side.
 *
 * @example
 * imageSizeArgument(512, 512); // { width: 512, height: 512 }
 */
export function imageSizeArgument(
  width: number | undefined,
  height: number | undefined,
): ImageSizeV1 | undefined {
  if (width === undefined && height === undefined) return undefined;
  if (width === undefined || height === undefined) {
    throw new InputError({
      message: 'fal-ai takes an image size as both width and height',
      param: width === undefined ? 'parameters.width' : 'parameters.height',
      code: 'incomplete_image_size',
    });
  }
  return { width, height };
}
