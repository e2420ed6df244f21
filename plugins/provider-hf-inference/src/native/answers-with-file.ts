/** Whether hf-inference answers a model's `/models/{id}` call with a file rather than JSON. */
import type { ModelMappingV1, TaskId } from '@tollgate/provider-spec';
import { hfInferenceModels } from '../hf-inference-models.js';

/**
 * The pipelines whose answer is the file itself: an image (`text-to-image`, `image-to-image`) or audio
 * (`text-to-speech`, `text-to-audio`), sent as the raw body with its own content type. Every other pipeline
 * answers JSON (segmentation masks and audio-to-audio blobs are base64 inside it).
 */
const FILE_ANSWER_TASKS: ReadonlySet<TaskId> = new Set<TaskId>([
  'text-to-image',
  'image-to-image',
  'text-to-speech',
  'text-to-audio',
]);

/**
 * True when the model's mapping in `models` (the plugin's own list by default) is for a task that answers with
 * a file. The first mapping of the id decides, as it does for the host's mapping check on a route without a
 * task; a model the list does not know is read as JSON.
 *
 * @example
 * answersWithFile('black-forest-labs/FLUX.1-schnell'); // true
 * answersWithFile('facebook/detr-resnet-50'); // false
 */
export function answersWithFile(
  providerModelId: string,
  models: readonly ModelMappingV1[] = hfInferenceModels,
): boolean {
  const mapping = models.find((entry) => entry.providerModelId === providerModelId);
  return mapping !== undefined && FILE_ANSWER_TASKS.has(mapping.task);
}
