/** `token-classification` on hf-inference: named entities (or other per-token labels) with their offsets. */
import type {
  TokenClassificationElementV1,
  TokenClassificationInputV1,
  TokenClassificationOutputV1,
} from '@tollgate/provider-spec';
import { createPipelineHandler } from '../create-pipeline-handler.js';
import { isRecord } from '../is-record.js';
import { jsonPipelineBody } from '../json-pipeline-body.js';
import { optionalParameters, requireInputObject, requireText } from '../require-input.js';
import { unusableOutput } from '../unusable-output.js';

function toEntity(value: unknown): TokenClassificationElementV1 | undefined {
  if (!isRecord(value) || typeof value.score !== 'number' || typeof value.word !== 'string') return undefined;
  const { entity_group: group, entity, start, end } = value;
  if (typeof group !== 'string' && typeof entity !== 'string') return undefined;
  return {
    ...(typeof group === 'string' ? { entity_group: group } : {}),
    ...(typeof entity === 'string' ? { entity } : {}),
    score: value.score,
    word: value.word,
    // Some tokenizers give no offsets, and transformers then sends null start and end.
    ...(typeof start === 'number' ? { start } : {}),
    ...(typeof end === 'number' ? { end } : {}),
  };
}

/**
 * @example
 * tokenClassificationHandler.mapResponse({ response: { body: [{ entity_group: 'PER', score: 0.99, word: 'Sarah', start: 11, end: 16 }] } });
 */
export const tokenClassificationHandler = createPipelineHandler<
  TokenClassificationInputV1,
  TokenClassificationOutputV1
>({
  body: (input) => {
    const request = requireInputObject(input);
    return jsonPipelineBody(requireText(request.inputs, 'inputs'), optionalParameters(request.parameters));
  },
  output: (body) => {
    const entities = Array.isArray(body) ? body.map(toEntity) : undefined;
    if (entities === undefined || entities.some((entity) => entity === undefined)) {
      throw unusableOutput(
        'token-classification',
        'expected a list of {entity_group, score, word, start, end}',
      );
    }
    return entities as TokenClassificationElementV1[];
  },
});
