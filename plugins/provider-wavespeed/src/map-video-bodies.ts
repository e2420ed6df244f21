/** WaveSpeed request bodies for text-to-video and image-to-video. */
import {
  type ImageToVideoInputV1,
  InputError,
  type TextToVideoInputV1,
  type VideoGenerationParametersV1,
} from '@tollgate/provider-spec';
import { toWavespeedImage } from './to-wavespeed-image.js';
import { generationFields, requiredPrompt } from './wavespeed-generation-fields.js';

/** WaveSpeed's video models take a length in whole seconds; none takes a frame count. */
function videoFields(parameters: VideoGenerationParametersV1 | undefined): Record<string, unknown> {
  if (parameters?.num_frames !== undefined) {
    throw new InputError({
      message:
        "WaveSpeed's video models take a length in seconds: set 'parameters.duration_seconds', not num_frames.",
      param: 'parameters.num_frames',
    });
  }
  const fields = generationFields(parameters);
  const duration = parameters?.duration_seconds;
  if (duration !== undefined) {
    if (!Number.isInteger(duration) || duration <= 0) {
      throw new InputError({
        message: "'parameters.duration_seconds' must be a whole number of seconds.",
        param: 'parameters.duration_seconds',
      });
    }
    fields.duration = duration;
  }
  if (parameters?.aspect_ratio !== undefined) fields.aspect_ratio = parameters.aspect_ratio;
  return fields;
}

/**
 * @example
 * textToVideoBody({ inputs: 'A fox in the snow', parameters: { width: 832, height: 480, duration_seconds: 5 } });
 * // { prompt: 'A fox in the snow', size: '832*480', duration: 5 }
 */
export function textToVideoBody(input: TextToVideoInputV1): Record<string, unknown> {
  return { prompt: requiredPrompt(input?.inputs, 'inputs'), ...videoFields(input.parameters) };
}

/**
 * The first frame goes in `image` and `images`, as for image-to-image.
 *
 * @example
 * imageToVideoBody({ inputs: { kind: 'url', url: 'https://example.com/fox.png' }, parameters: { prompt: 'It runs' } });
 * // { image: 'https://example.com/fox.png', images: ['https://example.com/fox.png'], prompt: 'It runs' }
 */
export function imageToVideoBody(input: ImageToVideoInputV1): Record<string, unknown> {
  const image = toWavespeedImage(input?.inputs);
  return {
    image,
    images: [image],
    ...(input.parameters?.prompt !== undefined ? { prompt: input.parameters.prompt } : {}),
    ...videoFields(input.parameters),
  };
}
