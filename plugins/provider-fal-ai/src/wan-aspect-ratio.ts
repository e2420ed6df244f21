/** The `aspect_ratio` argument of fal's Wan 2.2 endpoints. */
import { InputError, type VideoGenerationParametersV1 } from '@tollgate/provider-spec';

const RATIOS: Readonly<Record<string, number>> = { '16:9': 16 / 9, '9:16': 9 / 16, '1:1': 1 };

/**
 * The ratio asked for, as `aspect_ratio` or as a width and height in one of Wan's ratios; `undefined` to let fal
 * choose (16:9 for text, the image's own for image-to-video, where `auto` may also be asked for). Wan renders at
 * a resolution tier, not a pixel size, so a size only chooses the ratio. Throws an `InputError` for a ratio
 * Wan does not make (it makes 16:9, 9:16 and 1:1).
 *
 * @example
 * wanAspectRatio({ width: 1280, height: 720 }, false); // '16:9'
 * wanAspectRatio({ aspect_ratio: 'auto' }, true); // 'auto'
 */
export function wanAspectRatio(
  parameters: VideoGenerationParametersV1 | undefined,
  allowsAuto: boolean,
): string | undefined {
  const asked = parameters?.aspect_ratio;
  if (asked !== undefined) {
    if (asked in RATIOS || (allowsAuto && asked === 'auto')) return asked;
    throw unsupported(asked, 'parameters.aspect_ratio');
  }
  const { width, height } = parameters ?? {};
  if (width === undefined || height === undefined) return undefined;
  const match = Object.entries(RATIOS).find(([, ratio]) => Math.abs(width / height - ratio) < 0.01);
  if (match === undefined) throw unsupported(`${width}x${height}`, 'parameters.width');
  return match[0];
}

function unsupported(asked: string, param: string): InputError {
  return new InputError({
    message: `fal-ai's Wan 2.2 makes 16:9, 9:16 or 1:1 videos, not ${asked}`,
    param,
    code: 'unsupported_aspect_ratio',
  });
}
