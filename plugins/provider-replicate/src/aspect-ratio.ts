/** Replicate's image and video models take an aspect ratio from a fixed list rather than a width and height. */

/** The ratios FLUX models on Replicate accept for `aspect_ratio`. */
export const FLUX_ASPECT_RATIOS = [
  '1:1',
  '16:9',
  '21:9',
  '3:2',
  '2:3',
  '4:5',
  '5:4',
  '3:4',
  '4:3',
  '9:16',
  '9:21',
] as const;

/** The ratios Wan 2.2 on Replicate accepts. */
export const WAN_ASPECT_RATIOS = ['16:9', '9:16'] as const;

/** How far a size's shape may be from a listed ratio and still be sent as it (FLUX's 16:9 is 1344 x 768, 7:4). */
const TOLERANCE = 0.03;

const ratioValue = (ratio: string) => {
  const [width = 0, height = 1] = ratio.split(':').map(Number);
  return width / height;
};

/**
 * The `aspect_ratio` value for a requested size: the listed ratio nearest its shape, when within 3% of it (the
 * models' own sizes for a ratio are rounded to multiples of 64); undefined otherwise, so the model keeps its
 * default rather than being sent a ratio it would refuse.
 *
 * @example
 * aspectRatioFor(1344, 768, FLUX_ASPECT_RATIOS); // '16:9'
 * aspectRatioFor(1000, 500, FLUX_ASPECT_RATIOS); // undefined (2:1 is not offered)
 */
export function aspectRatioFor(
  width: number | undefined,
  height: number | undefined,
  allowed: readonly string[],
): string | undefined {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width! <= 0 || height! <= 0) return undefined;
  const shape = width! / height!;
  let nearest: string | undefined;
  let distance = Number.POSITIVE_INFINITY;
  for (const ratio of allowed) {
    const candidate = Math.abs(ratioValue(ratio) - shape) / ratioValue(ratio);
    if (candidate < distance) [nearest, distance] = [ratio, candidate];
  }
  return distance <= TOLERANCE ? nearest : undefined;
}
