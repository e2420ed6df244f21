/** A deterministic unit vector standing in for a text's embedding. */
import { createSeededRandom } from '../../simulator/seeded-random.js';

/**
 * `dimensions` numbers in (-1, 1), scaled to length 1 as most embedding models return them, from a seed of the
 * model and text: the same text always gets the same vector, different texts different ones.
 *
 * @example
 * simulatedEmbedding('BAAI/bge-base-en-v1.5', 'hello', 768).length; // 768
 */
export function simulatedEmbedding(model: string, text: string, dimensions: number): number[] {
  const random = createSeededRandom({ embedding: model, text });
  const raw = Array.from({ length: dimensions }, () => random.next() / 2 ** 31 - 1);
  const norm = Math.sqrt(raw.reduce((sum, value) => sum + value * value, 0)) || 1;
  return raw.map((value) => Number((value / norm).toFixed(8)));
}
