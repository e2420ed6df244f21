/** `image-segmentation` on hf-inference: labelled masks, sent back as base64 PNGs and returned as image bytes. */
import type {
  ImageSegmentationElementV1,
  ImageSegmentationInputV1,
  ImageSegmentationOutputV1,
} from '@tollgate/provider-spec';
import { binaryInputBody } from '../binary-input-body.js';
import { createPipelineHandler } from '../create-pipeline-handler.js';
import { base64Image } from '../image-bytes.js';
import { isRecord } from '../is-record.js';
import { optionalParameters, requireInputObject } from '../require-input.js';
import { unusableOutput } from '../unusable-output.js';

const TASK = 'image-segmentation';

function toSegment(value: unknown): ImageSegmentationElementV1 {
  if (!isRecord(value) || typeof value.label !== 'string' || typeof value.mask !== 'string') {
    throw unusableOutput(TASK, 'expected a list of {label, score, mask}');
  }
  // Semantic segmentation has no per-segment confidence, and transformers sends `score: null` for it.
  const score = typeof value.score === 'number' ? { score: value.score } : {};
  return { label: value.label, ...score, mask: base64Image(value.mask, TASK) };
}

/**
 * @example
 * imageSegmentationHandler.mapResponse({ response: { body: [{ score: 0.99, label: 'cat', mask: 'iVBORw0KGgo…' }] } });
 * // output [{ label: 'cat', score: 0.99, mask: { kind: 'bytes', bytes, contentType: 'image/png' } }]
 */
export const imageSegmentationHandler = createPipelineHandler<
  ImageSegmentationInputV1,
  ImageSegmentationOutputV1
>({
  body: (input) => {
    const request = requireInputObject(input);
    return binaryInputBody(
      request.inputs as ImageSegmentationInputV1['inputs'],
      optionalParameters(request.parameters),
    );
  },
  output: (body) => {
    if (!Array.isArray(body)) throw unusableOutput(TASK, 'expected a list of {label, score, mask}');
    return body.map(toSegment);
  },
});
