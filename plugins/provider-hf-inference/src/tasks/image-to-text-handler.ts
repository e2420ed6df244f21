/** `image-to-text` on hf-inference (captioning, OCR): the image's raw bytes in, the generated text out. */
import type { ImageToTextInputV1, ImageToTextOutputV1 } from '@tollgate/provider-spec';
import { binaryInputBody } from '../binary-input-body.js';
import { createPipelineHandler } from '../create-pipeline-handler.js';
import { optionalParameters, requireInputObject } from '../require-input.js';
import { firstTextField } from './first-text-field.js';

/**
 * @example
 * imageToTextHandler.mapResponse({ response: { body: [{ generated_text: 'a giraffe standing in a field' }] } });
 * // output { generated_text: 'a giraffe standing in a field' }
 */
export const imageToTextHandler = createPipelineHandler<ImageToTextInputV1, ImageToTextOutputV1>({
  body: (input) => {
    const request = requireInputObject(input);
    return binaryInputBody(
      request.inputs as ImageToTextInputV1['inputs'],
      optionalParameters(request.parameters),
    );
  },
  output: (body) => ({ generated_text: firstTextField(body, 'generated_text', 'image-to-text') }),
});
