/** Simulated sentence embeddings: unit vectors of the model's size in which texts that share words lie close. */
import { createSeededRandom } from '../../simulator/seeded-random.js';
import { unit } from './seeded-unit.js';

const WORD = /[\p{L}\p{N}]+/gu;
/** How much of a text's vector is its own (the rest comes from its words), so no two texts are identical. */
const OWN_SHARE = 0.35;

function seededVector(seed: unknown, dimension: number): number[] {
  const random = createSeededRandom(seed);
  return Array.from({ length: dimension }, () => unit(random) * 2 - 1);
}

/**
 * A normalised vector for `text`: the sum of one fixed vector per word (lower-cased) plus a little of the
 * text's own, so similarity between two texts follows the words they share. The same text always gets the same
 * vector.
 *
 * @example
 * embedText('That is a happy person', 384).length; // 384, and its Euclidean norm is 1
 */
export function embedText(text: string, dimension: number): number[] {
  const sum = seededVector({ text }, dimension).map((value) => value * OWN_SHARE);
  for (const word of text.toLowerCase().match(WORD) ?? []) {
    seededVector({ word, dimension }, dimension).forEach((value, index) => {
      sum[index] = (sum[index] ?? 0) + value;
    });
  }
  const norm = Math.sqrt(sum.reduce((total, value) => total + value * value, 0)) || 1;
  return sum.map((value) => value / norm);
}

/** The cosine similarity of two unit vectors (their dot product). */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  return a.reduce((total, value, index) => total + value * (b[index] ?? 0), 0);
}
