/** `audio-classification` on hf-inference: the audio's raw bytes in, the labels with their scores out. */
import type { AudioClassificationInputV1, AudioClassificationOutputV1 } from '@tollgate/provider-spec';
import { binaryInputBody } from '../binary-input-body.js';
import { createPipelineHandler } from '../create-pipeline-handler.js';
import { parseClassificationOutput } from '../parse-classification-output.js';
import { optionalParameters, requireInputObject } from '../require-input.js';

/**
 * @example
 * audioClassificationHandler.mapRequest({ input: { inputs: { kind: 'bytes', bytes, contentType: 'audio/wav' } }, context });
 * // POST /models/<hf id> with the WAV as the body
 */
export const audioClassificationHandler = createPipelineHandler<
  AudioClassificationInputV1,
  AudioClassificationOutputV1
>({
  body: (input) => {
    const request = requireInputObject(input);
    return binaryInputBody(
      request.inputs as AudioClassificationInputV1['inputs'],
      optionalParameters(request.parameters),
    );
  },
  output: (body) => parseClassificationOutput(body, 'audio-classification'),
});
