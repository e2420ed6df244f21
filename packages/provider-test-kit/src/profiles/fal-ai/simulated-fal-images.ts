/** The images a simulated FLUX endpoint (text-to-image, LoRA, Kontext editing) makes: PNGs in the media store. */
import { encodePng } from '../../media/encode-png.js';
import type { FalModelSpec } from './fal-catalog.js';
import { choiceField, integerField, invalidField, numberField, requiredText } from './fal-input-fields.js';
import { type FalRunContext, type FalRunOutput, falSeedFrom } from './fal-run-outcome.js';
import { pngSize, readFalInputMedia } from './read-fal-input-media.js';

/** fal's `image_size` presets (FLUX pages); the default is `landscape_4_3`. */
const PRESETS: Readonly<Record<string, readonly [number, number]>> = {
  square_hd: [1024, 1024],
  square: [512, 512],
  portrait_4_3: [768, 1024],
  portrait_16_9: [576, 1024],
  landscape_4_3: [1024, 768],
  landscape_16_9: [1024, 576],
};
/** fal's megapixel, for billing: 1024x1024 pixels. */
const PIXELS_PER_MEGAPIXEL = 1024 * 1024;
/** Modelled: the largest side the simulator draws (fal's own limit for custom sizes is not stated per model). */
const MAX_SIDE = 4096;

function requestedSize(input: Readonly<Record<string, unknown>>): readonly [number, number] {
  const size = input.image_size ?? 'landscape_4_3';
  if (typeof size === 'string') {
    const preset = PRESETS[size];
    if (preset) return preset;
    const listed = Object.keys(PRESETS)
      .map((name) => `'${name}'`)
      .join(', ');
    return invalidField(
      'image_size',
      `Input should be ${listed} or an object with width and height`,
      'literal_error',
    );
  }
  if (size != null && typeof size === 'object') {
    const fields = size as Record<string, unknown>;
    return [
      integerField(fields, 'width', 1, MAX_SIDE, 1024),
      integerField(fields, 'height', 1, MAX_SIDE, 768),
    ];
  }
  return invalidField('image_size', 'Input should be a valid preset or object', 'model_type');
}

/** Kontext keeps the source image's shape at about one megapixel, in multiples of 16 (modelled). */
function editedSize(source: { width: number; height: number } | undefined): readonly [number, number] {
  if (source === undefined) return [1024, 1024];
  const scale = Math.sqrt(PIXELS_PER_MEGAPIXEL / (source.width * source.height));
  const side = (value: number) => Math.max(16, Math.round((value * scale) / 16) * 16);
  return [side(source.width), side(source.height)];
}

function checkLoras(input: Readonly<Record<string, unknown>>): number {
  const loras = input.loras;
  if (loras === undefined || loras === null) return 0;
  if (!Array.isArray(loras)) return invalidField('loras', 'Input should be a valid list', 'list_type');
  for (const lora of loras) {
    const path = lora != null && typeof lora === 'object' ? (lora as { path?: unknown }).path : undefined;
    if (typeof path !== 'string' || !URL.canParse(path))
      return invalidField('loras', 'Each LoRA needs a path with the URL of its weights', 'value_error');
  }
  return loras.length;
}

/**
 * FLUX's answer: `{images: [{url, width, height, content_type}], timings: {inference}, seed, has_nsfw_concepts,
 * prompt}` and the megapixels fal bills, each image rounded up. Throws a `FalInputProblem` for invalid input.
 * Modelled: the images are PNG whatever `output_format` asks (fal's default is JPEG; the simulator has no JPEG
 * encoder), and the inference time.
 *
 * @example
 * simulatedFalImages(fluxDev, { prompt: 'A lighthouse', image_size: 'square' }, context).billableUnits; // '1'
 */
export function simulatedFalImages(
  spec: FalModelSpec,
  input: Readonly<Record<string, unknown>>,
  context: FalRunContext,
): FalRunOutput {
  const prompt = requiredText(input, 'prompt');
  const steps = spec.steps ?? { min: 1, max: 50, default: 28 };
  const stepCount = integerField(input, 'num_inference_steps', steps.min, steps.max, steps.default);
  numberField(input, 'guidance_scale', 1, 20, 3.5);
  const count = integerField(input, 'num_images', 1, 4, 1);
  choiceField(input, 'output_format', ['jpeg', 'png'], 'jpeg');
  const seed = integerField(input, 'seed', 0, Number.MAX_SAFE_INTEGER, falSeedFrom(context.seed));
  const loraCount = spec.takesLoras ? checkLoras(input) : 0;
  const [width, height] =
    spec.kind === 'image-edit'
      ? editedSize(pngSize(readFalInputMedia(input, 'image_url', context).bytes))
      : requestedSize(input);
  const images = Array.from({ length: count }, (_, index) => {
    const bytes = encodePng({ width, height, seed: `${context.seed}/${index}` });
    return { url: context.media.put(bytes, 'image/png', 'png'), width, height, content_type: 'image/png' };
  });
  const megapixels = count * Math.ceil((width * height) / PIXELS_PER_MEGAPIXEL);
  const inference = Math.round(stepCount * 60 * megapixels) / 1000;
  return {
    ok: true,
    body: {
      images,
      timings: { inference },
      seed,
      has_nsfw_concepts: images.map(() => false),
      prompt,
    },
    billableUnits: String(megapixels),
    inferenceSeconds: inference,
    logs: [
      ...(loraCount > 0 ? [`Loading ${loraCount} LoRA weight file(s)`] : []),
      `Generating ${count} image(s) at ${width}x${height} in ${stepCount} steps`,
    ],
  };
}
