/** WaveSpeed request bodies for text-to-image and image-to-image. */
import { type ImageToImageInputV1, InputError, type TextToImageInputV1 } from '@tollgate/provider-spec';
import { toWavespeedImage } from './to-wavespeed-image.js';
import { generationFields, requiredPrompt } from './wavespeed-generation-fields.js';

function imageCount(value: unknown): Record<string, unknown> {
  if (value === undefined) return {};
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw new InputError({
      message: "'parameters.num_images' must be a whole number of 1 or more.",
      param: 'parameters.num_images',
    });
  }
  return { num_images: value };
}

/**
 * @example
 * textToImageBody({ inputs: 'A lighthouse at dawn', parameters: { width: 1024, height: 768, num_images: 2 } });
 * // { prompt: 'A lighthouse at dawn', size: '1024*768', num_images: 2 }
 */
export function textToImageBody(input: TextToImageInputV1): Record<string, unknown> {
  return {
    prompt: requiredPrompt(input?.inputs, 'inputs'),
    ...generationFields(input.parameters),
    ...imageCount(input.parameters?.num_images),
  };
}

/**
 * The source image goes both in `image` (the models that edit one picture, such as HiDream E1) and in `images`
 * (the multi-reference editors, such as FLUX.2 edit), as Hugging Face's client sends it; `target_size` wins over
 * `width` and `height` for the output size.
 *
 * @example
 * imageToImageBody({ inputs: { kind: 'url', url: 'https://example.com/cat.png' }, parameters: { prompt: 'Make it snow' } });
 * // { image: 'https://example.com/cat.png', images: ['https://example.com/cat.png'], prompt: 'Make it snow' }
 */
export function imageToImageBody(input: ImageToImageInputV1): Record<string, unknown> {
  const image = toWavespeedImage(input?.inputs);
  const parameters = input.parameters;
  return {
    image,
    images: [image],
    ...(parameters?.prompt !== undefined ? { prompt: parameters.prompt } : {}),
    ...generationFields(parameters, parameters?.target_size ?? parameters ?? {}),
    ...(parameters?.strength !== undefined ? { strength: parameters.strength } : {}),
    ...imageCount(parameters?.num_images),
  };
}
