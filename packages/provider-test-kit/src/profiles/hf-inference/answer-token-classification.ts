/** Simulated named-entity recognition: capitalised word runs become entities of a seeded type. */
import { createSeededRandom } from '../../simulator/seeded-random.js';
import type { HfSimulatedModel } from './hf-inference-catalog.js';
import { type PipelineAnswer, PipelineError } from './pipeline-answer.js';
import type { TextPipelineInput } from './read-pipeline-input.js';
import { unit } from './seeded-unit.js';
import { STOPWORDS } from './text-words.js';

const CAPITALISED_RUN = /\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*/gu;

interface Entity {
  readonly label: string;
  readonly score: number;
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

function entitiesOf(model: HfSimulatedModel, text: string): Entity[] {
  const types = model.labels ?? ['PER', 'ORG', 'LOC', 'MISC'];
  const entities: Entity[] = [];
  for (const match of text.matchAll(CAPITALISED_RUN)) {
    const word = match[0];
    // A capitalised stopword ("My", "The") opens a sentence; it names nothing.
    if (STOPWORDS.has(word.toLowerCase())) continue;
    const random = createSeededRandom({ model: model.id, entity: word });
    const start = match.index ?? 0;
    const label = types[random.below(types.length)] ?? 'MISC';
    entities.push({ label, score: 0.9 + unit(random) * 0.0999, word, start, end: start + word.length });
  }
  return entities;
}

/**
 * The entities of the text: grouped (`entity_group`, the default `simple` aggregation) or one per word with
 * `B-`/`I-` tags (`aggregation_strategy: 'none'`), minus `ignore_labels`.
 *
 * @example
 * answerTokenClassification(ner, { inputs: 'My name is Sarah Jessica Parker', parameters: {} }).body;
 * // [{ entity_group: 'PER', score: 0.99, word: 'Sarah Jessica Parker', start: 11, end: 31 }]
 */
export function answerTokenClassification(model: HfSimulatedModel, input: TextPipelineInput): PipelineAnswer {
  if (typeof input.inputs !== 'string') throw new PipelineError(400, 'inputs must be a string');
  const text = input.inputs;
  const ignored = new Set(
    Array.isArray(input.parameters.ignore_labels) ? input.parameters.ignore_labels : [],
  );
  const entities = entitiesOf(model, text).filter((entity) => !ignored.has(entity.label));
  const body =
    input.parameters.aggregation_strategy === 'none'
      ? entities.flatMap((entity) =>
          [...entity.word.matchAll(/\S+/g)].map((part, index) => ({
            entity: `${index === 0 ? 'B' : 'I'}-${entity.label}`,
            score: entity.score,
            index: index + 1,
            word: part[0],
            start: entity.start + (part.index ?? 0),
            end: entity.start + (part.index ?? 0) + part[0].length,
          })),
        )
      : entities.map(({ label, score, word, start, end }) => ({
          entity_group: label,
          score,
          word,
          start,
          end,
        }));
  return {
    kind: 'json',
    body,
    computeMs: 18 + Math.ceil(text.length / 30),
    metrics: { 'x-compute-characters': String(text.length) },
  };
}
