/** `fill-mask` on hf-inference: the model's guesses for the masked word. */
import type { FillMaskElementV1, FillMaskInputV1, FillMaskOutputV1 } from '@tollgate/provider-spec';
import { createPipelineHandler } from '../create-pipeline-handler.js';
import { isRecord } from '../is-record.js';
import { jsonPipelineBody } from '../json-pipeline-body.js';
import { optionalParameters, requireInputObject, requireText } from '../require-input.js';
import { unusableOutput } from '../unusable-output.js';

function isPrediction(value: unknown): value is FillMaskElementV1 {
  return (
    isRecord(value) &&
    typeof value.sequence === 'string' &&
    typeof value.score === 'number' &&
    typeof value.token === 'number' &&
    typeof value.token_str === 'string'
  );
}

/**
 * @example
 * fillMaskHandler.mapRequest({ input: { inputs: 'The capital of France is [MASK].' }, context });
 */
export const fillMaskHandler = createPipelineHandler<FillMaskInputV1, FillMaskOutputV1>({
  body: (input) => {
    const request = requireInputObject(input);
    return jsonPipelineBody(requireText(request.inputs, 'inputs'), optionalParameters(request.parameters));
  },
  output: (body) => {
    // With two or more masks transformers answers one list per mask, which the public shape cannot hold.
    if (Array.isArray(body) && body.some(Array.isArray)) {
      throw unusableOutput('fill-mask', 'the text has more than one mask token; send one mask per request');
    }
    if (!Array.isArray(body) || !body.every(isPrediction)) {
      throw unusableOutput('fill-mask', 'expected a list of {sequence, score, token, token_str}');
    }
    return body.map(({ sequence, score, token, token_str }) => ({ sequence, score, token, token_str }));
  },
});
