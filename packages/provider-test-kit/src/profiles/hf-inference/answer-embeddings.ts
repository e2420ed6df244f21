/** Simulated sentence-transformers pipelines: feature extraction and sentence similarity on the same vectors. */

import { cosineSimilarity, embedText } from './embed-text.js';
import type { HfSimulatedModel } from './hf-inference-catalog.js';
import { type PipelineAnswer, PipelineError } from './pipeline-answer.js';
import type { TextPipelineInput } from './read-pipeline-input.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value != null && typeof value === 'object' && !Array.isArray(value);

function dimensionOf(model: HfSimulatedModel): number {
  return model.dimension ?? 384;
}

/**
 * One normalised vector of the model's size per text: a flat vector for one text, a list of vectors for a list
 * (the pipeline's own shapes).
 *
 * @example
 * answerFeatureExtraction(miniLm, { inputs: ['Hello', 'World'], parameters: {}, body }).body; // two 384-number vectors
 */
export function answerFeatureExtraction(model: HfSimulatedModel, input: TextPipelineInput): PipelineAnswer {
  const texts = typeof input.inputs === 'string' ? [input.inputs] : input.inputs;
  if (!Array.isArray(texts) || texts.length === 0 || !texts.every((text) => typeof text === 'string')) {
    throw new PipelineError(400, 'inputs must be a string or a list of strings');
  }
  const vectors = (texts as string[]).map((text) => embedText(text, dimensionOf(model)));
  const characters = (texts as string[]).reduce((total, text) => total + text.length, 0);
  return {
    kind: 'json',
    body: typeof input.inputs === 'string' ? vectors[0] : vectors,
    computeMs: 8 + texts.length * 2 + Math.ceil(characters / 100),
    metrics: { 'x-compute-characters': String(characters) },
  };
}

/**
 * The cosine similarity of each sentence to the source sentence, in order.
 *
 * @example
 * answerSentenceSimilarity(miniLm, { inputs: { source_sentence: 'a happy person', sentences: ['a happy dog'] }, parameters: {}, body }).body; // [0.6...]
 */
export function answerSentenceSimilarity(model: HfSimulatedModel, input: TextPipelineInput): PipelineAnswer {
  const inputs = input.inputs;
  const source = isRecord(inputs) ? inputs.source_sentence : undefined;
  const sentences = isRecord(inputs) ? inputs.sentences : undefined;
  if (
    typeof source !== 'string' ||
    !Array.isArray(sentences) ||
    sentences.length === 0 ||
    !sentences.every((sentence) => typeof sentence === 'string')
  ) {
    throw new PipelineError(400, 'inputs must be an object with source_sentence and a list of sentences');
  }
  const dimension = dimensionOf(model);
  const anchor = embedText(source, dimension);
  const scores = (sentences as string[]).map((sentence) =>
    cosineSimilarity(anchor, embedText(sentence, dimension)),
  );
  const characters = source.length + (sentences as string[]).join('').length;
  return {
    kind: 'json',
    body: scores,
    computeMs: 8 + sentences.length * 2 + Math.ceil(characters / 100),
    metrics: { 'x-compute-characters': String(characters) },
  };
}
