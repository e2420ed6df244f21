/** Simulated fill-mask: the model's usual guesses for the mask, scored from the text's seed. */
import { createSeededRandom } from '../../simulator/seeded-random.js';
import type { HfSimulatedModel } from './hf-inference-catalog.js';
import { type PipelineAnswer, PipelineError } from './pipeline-answer.js';
import type { TextPipelineInput } from './read-pipeline-input.js';
import { unit } from './seeded-unit.js';

/** Frequent BERT (uncased) vocabulary entries and their token ids. */
const GUESSES: readonly (readonly [string, number])[] = [
  ['the', 1996],
  ['a', 1037],
  ['my', 2026],
  ['this', 2023],
  ['his', 2010],
  ['her', 2014],
  ['their', 2037],
  ['one', 2028],
  ['new', 2047],
  ['hello', 7592],
  ['wonderful', 6919],
  ['paris', 3000],
];

function predictions(model: HfSimulatedModel, text: string, position: number, input: TextPipelineInput) {
  const mask = model.maskToken ?? '[MASK]';
  const random = createSeededRandom({ model: model.id, text, position });
  const targets = input.parameters.targets;
  const pool: (readonly [string, number])[] = Array.isArray(targets)
    ? targets.map((target) => [
        String(target).toLowerCase(),
        1000 + createSeededRandom({ target }).below(29_000),
      ])
    : [...GUESSES].sort(() => (unit(random) < 0.5 ? -1 : 1));
  const topK = typeof input.parameters.top_k === 'number' ? input.parameters.top_k : 5;
  // Probabilities fall off geometrically and leave room for the rest of the vocabulary.
  let mass = 0.35 + unit(random) * 0.4;
  return pool.slice(0, topK).map(([token, id]) => {
    const score = mass;
    mass *= 0.35 + unit(random) * 0.3;
    const index = text.indexOf(mask, position);
    return {
      score,
      token: id,
      token_str: token,
      sequence: text.slice(0, index) + token + text.slice(index + mask.length),
    };
  });
}

/**
 * The guesses for the model's mask token (`[MASK]` for BERT); one list per mask when the text has several,
 * and the 400 transformers gives when it has none.
 *
 * @example
 * answerFillMask(bert, { inputs: '[MASK] world!', parameters: {} }).body;
 * // [{ score: 0.52, token: 1996, token_str: 'the', sequence: 'the world!' }, ...]
 */
export function answerFillMask(model: HfSimulatedModel, input: TextPipelineInput): PipelineAnswer {
  if (typeof input.inputs !== 'string') throw new PipelineError(400, 'inputs must be a string');
  const text = input.inputs;
  const mask = model.maskToken ?? '[MASK]';
  const positions: number[] = [];
  for (let index = text.indexOf(mask); index !== -1; index = text.indexOf(mask, index + mask.length)) {
    positions.push(index);
  }
  if (positions.length === 0) throw new PipelineError(400, `No mask_token (${mask}) found on the input`);
  const lists = positions.map((position) => predictions(model, text, position, input));
  return {
    kind: 'json',
    body: lists.length === 1 ? lists[0] : lists,
    computeMs: 14 + Math.ceil(text.length / 50),
    metrics: { 'x-compute-characters': String(text.length) },
  };
}
