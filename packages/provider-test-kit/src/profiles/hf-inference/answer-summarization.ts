/** Simulated summarization: the text's leading sentences, cut to the length the caller allows. */
import type { HfSimulatedModel } from './hf-inference-catalog.js';
import { type PipelineAnswer, PipelineError } from './pipeline-answer.js';
import type { TextPipelineInput } from './read-pipeline-input.js';
import { sentencesOf } from './text-words.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value != null && typeof value === 'object' && !Array.isArray(value);

/** bart-large-cnn's default `max_length`, in tokens (words here). */
const DEFAULT_MAX_WORDS = 142;

/**
 * `[{summary_text}]`: up to three leading sentences, no more words than `generate_parameters.max_length`.
 *
 * @example
 * answerSummarization(bart, { inputs: 'The tower is tall. It is in Paris. It is old. It is iron.', parameters: {} }).body;
 * // [{ summary_text: 'The tower is tall. It is in Paris. It is old.' }]
 */
export function answerSummarization(_model: HfSimulatedModel, input: TextPipelineInput): PipelineAnswer {
  if (typeof input.inputs !== 'string' || input.inputs.trim() === '') {
    throw new PipelineError(400, 'inputs must be a non-empty string');
  }
  const generate = isRecord(input.parameters.generate_parameters) ? input.parameters.generate_parameters : {};
  const maxWords = typeof generate.max_length === 'number' ? generate.max_length : DEFAULT_MAX_WORDS;
  const lead = sentencesOf(input.inputs)
    .slice(0, 3)
    .map((sentence) => sentence.text)
    .join(' ');
  const words = lead.split(/\s+/);
  const summary = words.length > maxWords ? `${words.slice(0, maxWords).join(' ')}` : lead;
  return {
    kind: 'json',
    body: [{ summary_text: summary }],
    computeMs: 400 + Math.ceil(input.inputs.length / 2),
    metrics: { 'x-compute-characters': String(input.inputs.length) },
  };
}
