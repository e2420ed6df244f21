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

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * The `aspect_ratio` value for a requested size, when the size reduces exactly to one the model accepts;
 * undefined otherwise (the model then keeps its default rather than being sent a ratio it would refuse).
 *
 * @example
 * aspectRatioFor(1344, 768, FLUX_ASPECT_RATIOS); // undefined (7:4 is not offered)
 * aspectRatioFor(1920, 1080, FLUX_ASPECT_RATIOS); // '16:9'
 */
export function aspectRatioFor(
  width: number | undefined,
  height: number | undefined,
  allowed: readonly string[],
): string | undefined {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width! <= 0 || height! <= 0) return undefined;
  const divisor = gcd(width!, height!);
  const ratio = `${width! / divisor}:${height! / divisor}`;
  return allowed.includes(ratio) ? ratio : undefined;
}
