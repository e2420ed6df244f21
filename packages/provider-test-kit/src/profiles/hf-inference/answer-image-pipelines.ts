/** Simulated vision pipelines on an uploaded image: classification, zero-shot, detection, segmentation, captions. */
import { createSeededRandom } from '../../simulator/seeded-random.js';
import { encodeMaskPng } from './encode-mask-png.js';
import type { HfSimulatedModel } from './hf-inference-catalog.js';
import { type PipelineAnswer, PipelineError } from './pipeline-answer.js';
import { readImageSize } from './read-image-size.js';
import type { BinaryPipelineInput } from './read-pipeline-input.js';
import { rankLabels, unit } from './seeded-unit.js';

/** The metric the inference server sends for an image input: one image per call. */
const IMAGE_METRICS = { 'x-compute-images': '1' } as const;

function imageSeed(model: HfSimulatedModel, bytes: Uint8Array) {
  return createSeededRandom({ model: model.id, image: Buffer.from(bytes).toString('base64') });
}

/**
 * The model's labels scored for the image, most probable first; five unless `top_k` says otherwise (the
 * pipeline's default).
 *
 * @example
 * answerImageClassification(vit, { bytes: png, parameters: {} }).body; // [{ label: 'tabby, tabby cat', score: 0.87 }, ...]
 */
export function answerImageClassification(
  model: HfSimulatedModel,
  input: BinaryPipelineInput,
): PipelineAnswer {
  readImageSize(input.bytes);
  const labels = model.labels ?? ['LABEL_0', 'LABEL_1'];
  const random = imageSeed(model, input.bytes);
  const logits = labels.map((_, index) => (index === random.below(labels.length) ? 6 : 0) + unit(random) * 3);
  const topK = typeof input.parameters.top_k === 'number' ? input.parameters.top_k : 5;
  const body = rankLabels(labels, logits, { functionToApply: input.parameters.function_to_apply, topK });
  return { kind: 'json', body, computeMs: 85, metrics: IMAGE_METRICS };
}

/**
 * Every candidate label with its score for the image, most probable first; `candidate_labels` is required.
 *
 * @example
 * answerZeroShotImageClassification(clip, { bytes: png, parameters: { candidate_labels: ['cat', 'dog'] } }).body;
 */
export function answerZeroShotImageClassification(
  model: HfSimulatedModel,
  input: BinaryPipelineInput,
): PipelineAnswer {
  readImageSize(input.bytes);
  const labels = input.parameters.candidate_labels;
  if (!Array.isArray(labels) || labels.length === 0 || !labels.every((label) => typeof label === 'string')) {
    throw new PipelineError(400, 'parameters.candidate_labels must be a non-empty list of strings');
  }
  const random = imageSeed(model, input.bytes);
  const logits = (labels as string[]).map(() => unit(random) * 6);
  return {
    kind: 'json',
    body: rankLabels(labels as string[], logits),
    computeMs: 120 + labels.length * 15,
    metrics: IMAGE_METRICS,
  };
}

/**
 * One to three labelled boxes inside the image, scores above `threshold` (0.5 by default).
 *
 * @example
 * answerObjectDetection(detr, { bytes: png, parameters: {} }).body; // [{ score: 0.99, label: 'cat', box: { xmin, ymin, xmax, ymax } }]
 */
export function answerObjectDetection(model: HfSimulatedModel, input: BinaryPipelineInput): PipelineAnswer {
  const { width, height } = readImageSize(input.bytes);
  const labels = model.labels ?? ['object'];
  const random = imageSeed(model, input.bytes);
  const threshold = typeof input.parameters.threshold === 'number' ? input.parameters.threshold : 0.5;
  const count = 1 + random.below(3);
  const boxes = Array.from({ length: count }, () => {
    const xmin = random.below(Math.max(1, Math.floor(width / 2)));
    const ymin = random.below(Math.max(1, Math.floor(height / 2)));
    return {
      score: 0.6 + unit(random) * 0.3999,
      label: labels[random.below(labels.length)] ?? 'object',
      box: {
        xmin,
        ymin,
        xmax: Math.min(width - 1, xmin + 1 + random.below(Math.max(1, width - xmin))),
        ymax: Math.min(height - 1, ymin + 1 + random.below(Math.max(1, height - ymin))),
      },
    };
  });
  return {
    kind: 'json',
    body: boxes.filter((box) => box.score >= threshold),
    computeMs: 350,
    metrics: IMAGE_METRICS,
  };
}

/**
 * Two or three segments that split the image into vertical bands, each with a black-and-white PNG mask of the
 * image's size (base64), `score: null` for semantic models.
 *
 * @example
 * answerImageSegmentation(segformer, { bytes: png, parameters: {} }).body; // [{ score: null, label: 'Background', mask: 'iVBOR...' }, ...]
 */
export function answerImageSegmentation(model: HfSimulatedModel, input: BinaryPipelineInput): PipelineAnswer {
  const { width, height } = readImageSize(input.bytes);
  const labels = model.labels ?? ['LABEL_0', 'LABEL_1'];
  const random = imageSeed(model, input.bytes);
  const count = Math.min(labels.length, 2 + random.below(2));
  // The first label (background, usually) and distinct others.
  const chosen = [labels[0]!, ...labels.slice(1).sort(() => (unit(random) < 0.5 ? -1 : 1))].slice(0, count);
  const body = chosen.map((label, index) => {
    const from = Math.floor((index * width) / count);
    const to = Math.floor(((index + 1) * width) / count);
    const mask = encodeMaskPng(width, height, (x) => x >= from && x < to);
    return {
      score: model.semantic ? null : 0.8 + unit(random) * 0.1999,
      label,
      mask: Buffer.from(mask).toString('base64'),
    };
  });
  return { kind: 'json', body, computeMs: 500, metrics: IMAGE_METRICS };
}

const SUBJECTS = [
  'a cat',
  'a dog',
  'a lighthouse',
  'a red car',
  'two people',
  'a bowl of fruit',
  'a mountain',
];
const PLACES = ['on a table', 'in a field', 'by the sea', 'on a city street', 'in the snow', 'at sunset'];

/**
 * `[{generated_text}]`, a caption built from the image's seed.
 *
 * @example
 * answerImageToText(blip, { bytes: png, parameters: {} }).body; // [{ generated_text: 'a lighthouse by the sea' }]
 */
export function answerImageToText(model: HfSimulatedModel, input: BinaryPipelineInput): PipelineAnswer {
  readImageSize(input.bytes);
  const random = imageSeed(model, input.bytes);
  const caption = `${SUBJECTS[random.below(SUBJECTS.length)]} ${PLACES[random.below(PLACES.length)]}`;
  return { kind: 'json', body: [{ generated_text: caption }], computeMs: 700, metrics: IMAGE_METRICS };
}
