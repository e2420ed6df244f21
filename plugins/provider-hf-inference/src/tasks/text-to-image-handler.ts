/** `text-to-image` on hf-inference: a prompt in, one image out as the raw response body. */
import type {
  ImageGenerationOutputV1,
  TextToImageInputV1,
  UpstreamResponseV1,
} from '@tollgate/provider-spec';
import { InputError } from '@tollgate/provider-spec';
import { createPipelineHandler } from '../create-pipeline-handler.js';
import { base64Image, imageBytes } from '../image-bytes.js';
import { isRecord } from '../is-record.js';
import { jsonPipelineBody } from '../json-pipeline-body.js';
import { optionalParameters, requireInputObject, requireText } from '../require-input.js';
import { unusableOutput } from '../unusable-output.js';

const TASK = 'text-to-image';

/** hf-inference answers `{data: [{b64_json}]}` JSON for some models instead of the image itself. */
function fromJsonAnswer(bytes: Uint8Array): ImageGenerationOutputV1 {
  let answer: unknown;
  try {
    answer = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw unusableOutput(TASK, 'the JSON answer does not parse');
  }
  const data = isRecord(answer) && Array.isArray(answer.data) ? answer.data : [];
  if (data.length === 0 || !data.every((item) => isRecord(item) && typeof item.b64_json === 'string')) {
    throw unusableOutput(TASK, 'expected an image, or {data: [{b64_json}]}');
  }
  return { images: data.map((item) => base64Image((item as { b64_json: string }).b64_json, TASK)) };
}

function imagesOf(body: unknown, response: UpstreamResponseV1): ImageGenerationOutputV1 {
  if (!(body instanceof Uint8Array)) throw unusableOutput(TASK, 'expected the image bytes');
  const contentType = response.headers['content-type'];
  if (contentType !== undefined && /^application\/json\b/i.test(contentType)) return fromJsonAnswer(body);
  return { images: [imageBytes(body, contentType, TASK)] };
}

/**
 * @example
 * textToImageHandler.mapRequest({ input: { inputs: 'A lighthouse at dawn', parameters: { width: 512, height: 512 } }, context });
 * // POST /models/black-forest-labs/FLUX.1-schnell {"inputs":"A lighthouse at dawn","parameters":{"width":512,"height":512}}, bytes back
 */
export const textToImageHandler = createPipelineHandler<TextToImageInputV1, ImageGenerationOutputV1>({
  expect: 'bytes',
  body: (input) => {
    const request = requireInputObject(input);
    const prompt = requireText(request.inputs, 'inputs');
    const parameters = optionalParameters(request.parameters);
    const { num_images: count, ...rest } = parameters ?? {};
    if (count !== undefined && count !== 1) {
      throw new InputError({
        message: 'hf-inference makes one image per request',
        param: 'parameters.num_images',
      });
    }
    return jsonPipelineBody(prompt, parameters === undefined ? undefined : rest);
  },
  output: (body, response) => imagesOf(body, response),
});
