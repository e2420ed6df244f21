/** `text-classification` on hf-inference: `{inputs, parameters}` in, the labels with their scores out. */
import type { TextClassificationInputV1, TextClassificationOutputV1 } from '@tollgate/provider-spec';
import { createPipelineHandler } from '../create-pipeline-handler.js';
import { jsonPipelineBody } from '../json-pipeline-body.js';
import { parseClassificationOutput } from '../parse-classification-output.js';
import { optionalParameters, requireInputObject, requireText } from '../require-input.js';

/**
 * @example
 * textClassificationHandler.mapRequest({ input: { inputs: 'I like you.' }, context });
 * // POST /models/distilbert/distilbert-base-uncased-finetuned-sst-2-english {"inputs":"I like you."}
 */
export const textClassificationHandler = createPipelineHandler<
  TextClassificationInputV1,
  TextClassificationOutputV1
>({
  body: (input) => {
    const request = requireInputObject(input);
    return jsonPipelineBody(requireText(request.inputs, 'inputs'), optionalParameters(request.parameters));
  },
  output: (body) => parseClassificationOutput(body, 'text-classification'),
});
