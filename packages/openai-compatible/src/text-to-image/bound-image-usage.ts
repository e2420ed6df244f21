/** The worst-case usage of an image generation: the images asked for, at the size asked for. */
import type { TextToImageInputV1, UsageBoundV1 } from '@tollgate/provider-spec';
import { imageUsage } from './image-usage.js';
import type { ImageMeter } from './openai-compatible-text-to-image-config.js';

const positiveInteger = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;

/**
 * What `imageUsage` will report if the provider returns every image asked for (`num_images`, default 1); it never
 * returns more. Undefined for an input that names no prompt (mapping it fails anyway).
 *
 * @example
 * boundImageUsage({ kind: 'images' }, { inputs: 'A lighthouse', parameters: { num_images: 2 } }); // { usage: { images: 2 } }
 */
export function boundImageUsage(meter: ImageMeter, input: TextToImageInputV1): UsageBoundV1 | undefined {
  if (typeof input?.inputs !== 'string') return undefined;
  const parameters = input.parameters ?? {};
  const images = positiveInteger(parameters.num_images) ?? 1;
  return { usage: imageUsage(meter, images, parameters) };
}
