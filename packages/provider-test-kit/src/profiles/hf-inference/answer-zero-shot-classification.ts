/** Simulated zero-shot classification: candidate labels that share words with the text score highest. */
import { createSeededRandom } from '../../simulator/seeded-random.js';
import type { HfSimulatedModel } from './hf-inference-catalog.js';
import { type PipelineAnswer, PipelineError } from './pipeline-answer.js';
import type { TextPipelineInput } from './read-pipeline-input.js';
import { rankLabels, unit } from './seeded-unit.js';
import { contentWords } from './text-words.js';

/**
 * Every candidate label with its score, most probable first (`{label, score}` as HF's task specification
 * has it): scores sum to 1, or are independent with `multi_label`.
 *
 * @example
 * answerZeroShotClassification(mnli, { inputs: 'I want my money back', parameters: { candidate_labels: ['refund', 'faq'] } });
 */
export function answerZeroShotClassification(
  model: HfSimulatedModel,
  input: TextPipelineInput,
): PipelineAnswer {
  if (typeof input.inputs !== 'string') throw new PipelineError(400, 'inputs must be a string');
  const labels = input.parameters.candidate_labels;
  if (!Array.isArray(labels) || labels.length === 0 || !labels.every((label) => typeof label === 'string')) {
    throw new PipelineError(400, 'You must include at least one label and at least one sequence.');
  }
  const text = input.inputs;
  const words = new Set(contentWords(text));
  const logits = (labels as string[]).map((label) => {
    const random = createSeededRandom({ model: model.id, text, label });
    const shared = contentWords(label).filter((word) => words.has(word)).length;
    return shared * 3 + (unit(random) - 0.5) * 2;
  });
  const ranked = rankLabels(labels as string[], logits, {
    functionToApply: input.parameters.multi_label === true ? 'sigmoid' : 'softmax',
  });
  return {
    kind: 'json',
    body: ranked,
    // bart-large-mnli runs one forward pass per candidate label.
    computeMs: 40 + labels.length * (60 + Math.ceil(text.length / 20)),
    metrics: { 'x-compute-characters': String(text.length) },
  };
}
