/** Simulated text classification: sentiment from a small lexicon, other labels from the text's seed. */
import { createSeededRandom } from '../../simulator/seeded-random.js';
import type { HfSimulatedModel } from './hf-inference-catalog.js';
import { type PipelineAnswer, PipelineError } from './pipeline-answer.js';
import type { TextPipelineInput } from './read-pipeline-input.js';
import { rankLabels, unit } from './seeded-unit.js';

const POSITIVE = new Set(
  'good great love like enjoy happy excellent wonderful amazing best nice fantastic glad beautiful'.split(
    ' ',
  ),
);
const NEGATIVE = new Set(
  'bad terrible hate awful worst poor sad angry horrible disappointing broken not never'.split(' '),
);

/** -2 (clearly negative) to 2 (clearly positive), from the words of `text`. */
export function sentimentOf(text: string): number {
  let score = 0;
  for (const word of text.toLowerCase().match(/[a-z']+/g) ?? []) {
    if (POSITIVE.has(word)) score += 1;
    if (NEGATIVE.has(word)) score -= 1;
  }
  return Math.max(-2, Math.min(2, score));
}

/**
 * The model's labels scored for the text, most probable first, as the pipeline answers one text: a list of
 * `{label, score}` inside another list.
 *
 * @example
 * answerTextClassification(sst2, { inputs: 'I love it', parameters: {} }).body;
 * // [[{ label: 'POSITIVE', score: 0.99 }, { label: 'NEGATIVE', score: 0.01 }]]
 */
export function answerTextClassification(model: HfSimulatedModel, input: TextPipelineInput): PipelineAnswer {
  if (typeof input.inputs !== 'string') throw new PipelineError(400, 'inputs must be a string');
  const text = input.inputs;
  const labels = model.labels ?? ['LABEL_0', 'LABEL_1'];
  const random = createSeededRandom({ model: model.id, text });
  const sentiment = sentimentOf(text);
  const logits = labels.map((label) => {
    const polarity = model.polarity?.[label];
    const noise = unit(random) - 0.5;
    if (polarity === undefined) return noise * 4;
    // Neutral wins when the lexicon finds nothing; a clear sentiment wins by a wide margin.
    return polarity === 0
      ? 1.2 - Math.abs(sentiment) * 2 + noise
      : polarity * (sentiment * 2.5 + 0.4) + noise;
  });
  const ranked = rankLabels(labels, logits, {
    functionToApply: input.parameters.function_to_apply,
    topK: input.parameters.top_k,
  });
  return {
    kind: 'json',
    body: [ranked],
    computeMs: 15 + Math.ceil(text.length / 40),
    metrics: { 'x-compute-characters': String(text.length) },
  };
}
