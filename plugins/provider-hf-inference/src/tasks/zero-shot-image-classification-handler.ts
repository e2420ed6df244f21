/** `zero-shot-image-classification` on hf-inference (CLIP and similar): an image scored against named labels. */
import type {
  ZeroShotImageClassificationInputV1,
  ZeroShotImageClassificationOutputV1,
} from '@tollgate/provider-spec';
import { binaryInputBody } from '../binary-input-body.js';
import { createPipelineHandler } from '../create-pipeline-handler.js';
import { parseClassificationOutput } from '../parse-classification-output.js';
import { optionalParameters, requireInputObject, requireTextList } from '../require-input.js';

/**
 * Always base64 JSON: the candidate labels are parameters, and a raw image body has no room for them.
 *
 * @example
 * zeroShotImageClassificationHandler.mapRequest({
 *   input: { inputs: image, parameters: { candidate_labels: ['cat', 'dog'] } }, context,
 * }); // POST /models/openai/clip-vit-large-patch14 {"inputs":"<base64>","parameters":{"candidate_labels":["cat","dog"]}}
 */
export const zeroShotImageClassificationHandler = createPipelineHandler<
  ZeroShotImageClassificationInputV1,
  ZeroShotImageClassificationOutputV1
>({
  body: (input) => {
    const request = requireInputObject(input);
    const parameters = optionalParameters(request.parameters);
    requireTextList(parameters?.candidate_labels, 'parameters.candidate_labels');
    return binaryInputBody(request.inputs as ZeroShotImageClassificationInputV1['inputs'], parameters);
  },
  output: (body) => parseClassificationOutput(body, 'zero-shot-image-classification'),
});
