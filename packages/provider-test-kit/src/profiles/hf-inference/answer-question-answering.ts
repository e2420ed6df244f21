/** Simulated extractive question answering: a span of the context sentence that best matches the question. */
import { createSeededRandom } from '../../simulator/seeded-random.js';
import type { HfSimulatedModel } from './hf-inference-catalog.js';
import { type PipelineAnswer, PipelineError } from './pipeline-answer.js';
import type { TextPipelineInput } from './read-pipeline-input.js';
import { unit } from './seeded-unit.js';
import { contentWords, STOPWORDS, sentencesOf } from './text-words.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value != null && typeof value === 'object' && !Array.isArray(value);

const WORD = /[\p{L}\p{N}]+(?:[.,'-][\p{L}\p{N}]+)*/gu;

/**
 * The words that end the sentence and that the question does not already say (at most three, stopping at a
 * question word or a small word): where an extractive model's answer usually is. Offsets are in the context.
 */
function spanIn(
  sentence: { text: string; start: number },
  questionWords: Set<string>,
): { start: number; end: number } {
  const words = [...sentence.text.matchAll(WORD)];
  let first = words.length;
  while (first > 0 && words.length - first < 3) {
    const word = (words[first - 1]?.[0] ?? '').toLowerCase();
    if (questionWords.has(word) || STOPWORDS.has(word)) break;
    first -= 1;
  }
  const from = words[Math.min(first, words.length - 1)];
  const to = words.at(-1);
  if (from === undefined || to === undefined)
    return { start: sentence.start, end: sentence.start + sentence.text.length };
  return { start: sentence.start + (from.index ?? 0), end: sentence.start + (to.index ?? 0) + to[0].length };
}

/**
 * The answer as `{score, start, end, answer}` (one object; a list when `top_k` is above 1), its offsets
 * pointing into the context.
 *
 * @example
 * answerQuestionAnswering(squad, { inputs: { question: 'What is the capital of France?', context: 'The capital of France is Paris.' }, parameters: {} }).body;
 * // { score: 0.97, start: 25, end: 30, answer: 'Paris' }
 */
export function answerQuestionAnswering(model: HfSimulatedModel, input: TextPipelineInput): PipelineAnswer {
  const inputs = input.inputs;
  if (!isRecord(inputs) || typeof inputs.question !== 'string' || typeof inputs.context !== 'string') {
    throw new PipelineError(400, 'inputs must be an object with question and context strings');
  }
  const { question, context } = inputs;
  const questionWords = new Set(contentWords(question));
  const sentences = sentencesOf(context);
  if (sentences.length === 0) throw new PipelineError(400, 'context is empty');
  const ranked = sentences
    .map((sentence, order) => ({
      sentence,
      order,
      overlap: contentWords(sentence.text).filter((word) => questionWords.has(word)).length,
    }))
    .sort((a, b) => b.overlap - a.overlap || a.order - b.order);
  const random = createSeededRandom({ model: model.id, question, context });
  const topK =
    typeof input.parameters.top_k === 'number' && input.parameters.top_k > 1 ? input.parameters.top_k : 1;
  let score = 0.55 + unit(random) * 0.44;
  const answers = ranked.slice(0, topK).map(({ sentence }) => {
    const span = spanIn(sentence, questionWords);
    const answer = { score, start: span.start, end: span.end, answer: context.slice(span.start, span.end) };
    score *= 0.1 + unit(random) * 0.2;
    return answer;
  });
  return {
    kind: 'json',
    body: topK === 1 ? answers[0] : answers,
    computeMs: 20 + Math.ceil((question.length + context.length) / 30),
    metrics: { 'x-compute-characters': String(question.length + context.length) },
  };
}
