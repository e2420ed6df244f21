/** `object-detection` on hf-inference (DETR and similar): labelled boxes in pixels of the input image. */
import type {
  ObjectDetectionElementV1,
  ObjectDetectionInputV1,
  ObjectDetectionOutputV1,
} from '@tollgate/provider-spec';
import { binaryInputBody } from '../binary-input-body.js';
import { createPipelineHandler } from '../create-pipeline-handler.js';
import { isRecord } from '../is-record.js';
import { optionalParameters, requireInputObject } from '../require-input.js';
import { unusableOutput } from '../unusable-output.js';

function toDetection(value: unknown): ObjectDetectionElementV1 | undefined {
  if (!isRecord(value) || typeof value.label !== 'string' || typeof value.score !== 'number')
    return undefined;
  const box = value.box;
  if (!isRecord(box)) return undefined;
  const { xmin, ymin, xmax, ymax } = box;
  if (![xmin, ymin, xmax, ymax].every((edge) => typeof edge === 'number')) return undefined;
  return {
    label: value.label,
    score: value.score,
    box: { xmin: xmin as number, ymin: ymin as number, xmax: xmax as number, ymax: ymax as number },
  };
}

/**
 * @example
 * objectDetectionHandler.mapResponse({ response: { body: [{ score: 0.99, label: 'cat', box: { xmin: 20, ymin: 47, xmax: 329, ymax: 186 } }] } });
 */
export const objectDetectionHandler = createPipelineHandler<ObjectDetectionInputV1, ObjectDetectionOutputV1>({
  body: (input) => {
    const request = requireInputObject(input);
    return binaryInputBody(
      request.inputs as ObjectDetectionInputV1['inputs'],
      optionalParameters(request.parameters),
    );
  },
  output: (body) => {
    const detections = Array.isArray(body) ? body.map(toDetection) : undefined;
    if (detections === undefined || detections.some((detection) => detection === undefined)) {
      throw unusableOutput(
        'object-detection',
        'expected a list of {label, score, box: {xmin, ymin, xmax, ymax}}',
      );
    }
    return detections as ObjectDetectionElementV1[];
  },
});
