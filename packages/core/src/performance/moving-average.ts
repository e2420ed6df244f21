/**
 * The exponentially weighted moving averages the gateway keeps of provider speed. Weights count samples, not
 * time: a sample's influence halves with every {@link EWMA_HALF_LIFE_SAMPLES} newer samples, so a busy provider's
 * figure follows a change within seconds and a quiet one's is not washed out by the passing of time alone.
 */
import type { MovingAverageContribution } from '../store/performance-repository.js';

/**
 * After this many newer samples a sample weighs half of what it did. Ten keeps one slow outlier from moving a
 * figure by more than 7% while a provider that really slowed down is half-way there after ten answers.
 */
export const EWMA_HALF_LIFE_SAMPLES = 10;

/** The weight of one new sample: `1 - 0.5^(1/half-life)`, about 0.067. */
export const EWMA_ALPHA = 1 - 0.5 ** (1 / EWMA_HALF_LIFE_SAMPLES);

/**
 * The weight a batch of `count` samples gets when merged at once: what `count` one-by-one updates would give it
 * (`1 - (1 - alpha)^count`), as if every sample in the batch had the batch's mean.
 *
 * @example ewmaBatchWeight(1) === EWMA_ALPHA; ewmaBatchWeight(10) === 0.5
 */
export function ewmaBatchWeight(count: number, alpha: number = EWMA_ALPHA): number {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`count must be a positive integer, got ${count}`);
  return 1 - (1 - alpha) ** count;
}

/** A batch of `count` samples with mean `mean`, as a contribution to merge into a stored average. */
export function ewmaContribution(mean: number, count: number, alpha?: number): MovingAverageContribution {
  return { mean, weight: ewmaBatchWeight(count, alpha) };
}

/**
 * The stored average after merging a contribution; the contribution's mean when nothing was stored. Stores do the
 * same arithmetic in SQL; this is the reference they are checked against.
 *
 * @example mergeMovingAverage(100, { mean: 200, weight: 0.5 }) === 150
 */
export function mergeMovingAverage(
  stored: number | null | undefined,
  contribution: MovingAverageContribution,
): number {
  if (stored === null || stored === undefined) return contribution.mean;
  return stored * (1 - contribution.weight) + contribution.weight * contribution.mean;
}
