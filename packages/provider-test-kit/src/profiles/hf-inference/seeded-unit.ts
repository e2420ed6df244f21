/** Deterministic numbers in [0, 1) and softmax scores for the simulated pipelines. */
import type { SeededRandom } from '../../simulator/seeded-random.js';

/**
 * The next number of `random` in [0, 1).
 *
 * @example
 * unit(createSeededRandom('x')); // the same value for the same seed
 */
export function unit(random: SeededRandom): number {
  return random.next() / 0x1_0000_0000;
}

/**
 * Softmax of `logits`: probabilities that sum to 1.
 *
 * @example
 * softmax([2, 0]); // [0.8807..., 0.1192...]
 */
export function softmax(logits: readonly number[]): number[] {
  const top = Math.max(...logits);
  const exps = logits.map((logit) => Math.exp(logit - top));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}

/** The logistic function, for independent (multi-label) scores. */
export function sigmoid(logit: number): number {
  return 1 / (1 + Math.exp(-logit));
}

/**
 * `labels` scored from `logits` the way transformers' pipelines do (`softmax` by default, `sigmoid`, or the raw
 * logits for `none`), most probable first, cut to `topK` when given.
 *
 * @example
 * rankLabels(['NEGATIVE', 'POSITIVE'], [-2, 3]); // [{ label: 'POSITIVE', score: 0.993 }, { label: 'NEGATIVE', score: 0.0067 }]
 */
export function rankLabels(
  labels: readonly string[],
  logits: readonly number[],
  options: { readonly functionToApply?: unknown; readonly topK?: unknown } = {},
): { label: string; score: number }[] {
  const scores =
    options.functionToApply === 'sigmoid'
      ? logits.map(sigmoid)
      : options.functionToApply === 'none'
        ? [...logits]
        : softmax(logits);
  const ranked = labels
    .map((label, index) => ({ label, score: scores[index] ?? 0 }))
    .sort((a, b) => b.score - a.score);
  return typeof options.topK === 'number' && options.topK > 0 ? ranked.slice(0, options.topK) : ranked;
}
