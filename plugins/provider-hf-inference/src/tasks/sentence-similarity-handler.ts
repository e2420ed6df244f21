/** `sentence-similarity` on hf-inference: how close each sentence is to a source sentence. */
import type { SentenceSimilarityInputV1, SentenceSimilarityOutputV1 } from '@tollgate/provider-spec';
import { InputError } from '@tollgate/provider-spec';
import { createPipelineHandler } from '../create-pipeline-handler.js';
import { isRecord } from '../is-record.js';
import { jsonPipelineBody } from '../json-pipeline-body.js';
import { optionalParameters, requireInputObject, requireText, requireTextList } from '../require-input.js';
import { unusableOutput } from '../unusable-output.js';

/**
 * @example
 * sentenceSimilarityHandler.mapRequest({
 *   input: { inputs: { source_sentence: 'That is a happy person', sentences: ['That is a happy dog'] } }, context,
 * }); // POST /models/sentence-transformers/all-MiniLM-L6-v2/pipeline/sentence-similarity
 */
export const sentenceSimilarityHandler = createPipelineHandler<
  SentenceSimilarityInputV1,
  SentenceSimilarityOutputV1
>({
  // A sentence-transformers model serves both tasks on hf-inference; the pipeline in the path picks one.
  route: '/pipeline/sentence-similarity',
  body: (input) => {
    const request = requireInputObject(input);
    if (!isRecord(request.inputs)) {
      throw new InputError({
        message: "'inputs' must be an object with source_sentence and sentences",
        param: 'inputs',
      });
    }
    const inputs = {
      source_sentence: requireText(request.inputs.source_sentence, 'inputs.source_sentence'),
      sentences: requireTextList(request.inputs.sentences, 'inputs.sentences'),
    };
    return jsonPipelineBody(inputs, optionalParameters(request.parameters));
  },
  output: (body, _response, input) => {
    const expected = input.inputs.sentences.length;
    if (
      !Array.isArray(body) ||
      body.length !== expected ||
      !body.every((score) => typeof score === 'number')
    ) {
      throw unusableOutput('sentence-similarity', `expected ${expected} scores, one per sentence`);
    }
    return body as number[];
  },
});
