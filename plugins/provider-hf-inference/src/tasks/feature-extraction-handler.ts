/** `feature-extraction` on hf-inference: one embedding per text, from the model's feature-extraction pipeline. */
import type { FeatureExtractionInputV1, FeatureExtractionOutputV1 } from '@tollgate/provider-spec';
import { InputError } from '@tollgate/provider-spec';
import { createPipelineHandler } from '../create-pipeline-handler.js';
import { optionalParameters, requireInputObject, requireText } from '../require-input.js';
import { unusableOutput } from '../unusable-output.js';

const TASK = 'feature-extraction';

const isVector = (value: unknown): value is number[] =>
  Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'number');

function requireTexts(inputs: unknown): readonly string[] {
  if (typeof inputs === 'string') return [requireText(inputs, 'inputs')];
  if (Array.isArray(inputs) && inputs.length > 0) {
    return inputs.map((text, index) => requireText(text, `inputs[${index}]`));
  }
  throw new InputError({ message: "'inputs' must be a text or a non-empty list of texts", param: 'inputs' });
}

/**
 * One vector per text. The pipeline answers a single text with a flat vector and a list with a list of
 * vectors; TEI-backed models answer `[[...]]` even for one text. A model without pooling answers one vector
 * per token instead, which is not an embedding of the text, so it is refused rather than averaged here.
 */
function toEmbeddings(body: unknown, count: number): number[][] {
  if (isVector(body) && count === 1) return [body];
  if (Array.isArray(body) && body.length === count && body.every(isVector)) return body;
  if (
    Array.isArray(body) &&
    body.length === count &&
    body.every((item) => Array.isArray(item) && item.length === 1 && isVector(item[0]))
  ) {
    return body.map((item) => item[0] as number[]);
  }
  throw unusableOutput(
    TASK,
    `expected ${count} vector(s), one per input text (a model without pooling returns one per token)`,
  );
}

/**
 * @example
 * featureExtractionHandler.mapRequest({ input: { inputs: ['Hello', 'World'], parameters: { normalize: true } }, context });
 * // POST /models/sentence-transformers/all-MiniLM-L6-v2/pipeline/feature-extraction
 * //   {"inputs":["Hello","World"],"normalize":true}
 */
export const featureExtractionHandler = createPipelineHandler<
  FeatureExtractionInputV1,
  FeatureExtractionOutputV1
>({
  route: '/pipeline/feature-extraction',
  body: (input) => {
    const request = requireInputObject(input);
    requireTexts(request.inputs);
    const parameters = optionalParameters(request.parameters) ?? {};
    if (parameters.dimensions !== undefined) {
      throw new InputError({
        message: "hf-inference returns each model's full embedding and takes no 'dimensions'",
        param: 'parameters.dimensions',
      });
    }
    // The embedding options sit beside `inputs`, not under `parameters`, in HF's feature-extraction
    // specification (they are TEI's request fields).
    const { normalize, truncate } = parameters;
    return {
      kind: 'json',
      value: {
        inputs: request.inputs,
        ...(normalize !== undefined ? { normalize } : {}),
        ...(truncate !== undefined ? { truncate } : {}),
      },
    };
  },
  output: (body, _response, input) => ({
    embeddings: toEmbeddings(body, typeof input.inputs === 'string' ? 1 : input.inputs.length),
  }),
});
