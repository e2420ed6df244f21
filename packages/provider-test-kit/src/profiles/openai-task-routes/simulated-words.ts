/** Deterministic filler text for simulated completions and transcriptions: one o200k_base token per word. */
import { REPLY_VOCABULARY } from '../../simulator/reply-words.js';
import { createSeededRandom } from '../../simulator/seeded-random.js';

/**
 * `count` words, each with a leading space (so each is exactly one token), chosen from a seed.
 *
 * @example
 * simulatedWords({ prompt: 'Once' }, 3); // [' river', ' quiet', ' stone'] (the same for the same seed)
 */
export function simulatedWords(seed: unknown, count: number): string[] {
  const random = createSeededRandom(seed);
  return Array.from({ length: count }, () => ` ${REPLY_VOCABULARY[random.below(REPLY_VOCABULARY.length)]}`);
}
