/** `image-classification` on hf-inference: the image's raw bytes in, the labels with their scores out. */
import type { ImageClassificationInputV1, ImageClassificationOutputV1 } from '@tollgate/provider-spec';
import { binaryInputBody } from '../binary-input-body.js';
import { createPipelineHandler } from '../create-pipeline-handler.js';
import { parseClassificationOutput } from '../parse-classification-output.js';
import { optionalParameters, requireInputObject } from '../require-input.js';

/**
 * @example
 * imageClassificationHandler.mapRequest({ input: { inputs: { kind: 'bytes', bytes, contentType: 'image/jpeg' } }, context });
 * // POST /models/google/vit-base-patch16-224 with the JPEG as the body
 */
export const imageClassificationHandler = createPipelineHandler<
  ImageClassificationInputV1,
  ImageClassificationOutputV1
>({
  body: (input) => {
    const request = requireInputObject(input);
    return binaryInputBody(
      request.inputs as ImageClassificationInputV1['inputs'],
      optionalParameters(request.parameters),
    );
  },
  output: (body) => parseClassificationOutput(body, 'image-classification'),
});
