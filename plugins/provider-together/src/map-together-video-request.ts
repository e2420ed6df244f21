/** Builds the body of Together's `POST /v2/videos` from the public `text-to-video` and `image-to-video` inputs. */
import {
  type CallContextV1,
  type ImageToVideoInputV1,
  InputError,
  type MediaV1,
  type TextToVideoInputV1,
  type VideoGenerationParametersV1,
} from '@tollgate/provider-spec';

/** Together refuses a `frame_images[].input_image` longer than this ("Range of input length should be [1, 61440]"). */
export const TOGETHER_MAX_FRAME_IMAGE_LENGTH = 61_440;

function generationFields(
  parameters: VideoGenerationParametersV1,
  context: CallContextV1,
): Record<string, unknown> {
  for (const unsupported of ['num_frames', 'aspect_ratio'] as const) {
    if (parameters[unsupported] !== undefined) {
      throw new InputError({
        message: `Together sets a clip by duration_seconds, width and height; it has no ${unsupported}`,
        param: `parameters.${unsupported}`,
      });
    }
  }
  return {
    model: context.providerModelId,
    width: parameters.width,
    height: parameters.height,
    seconds: parameters.duration_seconds === undefined ? undefined : String(parameters.duration_seconds),
    steps: parameters.num_inference_steps,
    guidance_scale: parameters.guidance_scale,
    negative_prompt: parameters.negative_prompt,
    seed: parameters.seed,
  };
}

function defined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/**
 * `{ model, prompt, width, height, seconds, steps, guidance_scale, negative_prompt, seed }`: Together takes the
 * clip length as `seconds` (a string) and the step count as `steps`. It has no frame count or aspect ratio, so
 * those are refused rather than silently dropped.
 *
 * @example
 * mapTogetherVideoBody({ inputs: 'Waves at dusk', parameters: { duration_seconds: 5 } }, context);
 * // { model: 'Wan-AI/Wan2.2-T2V-A14B', prompt: 'Waves at dusk', seconds: '5' }
 */
export function mapTogetherVideoBody(
  input: TextToVideoInputV1,
  context: CallContextV1,
): Record<string, unknown> {
  if (typeof input?.inputs !== 'string' || input.inputs.trim() === '') {
    throw new InputError({ message: "'inputs' must be the prompt text", param: 'inputs' });
  }
  return defined({ ...generationFields(input.parameters ?? {}, context), prompt: input.inputs });
}

/** The first frame as Together takes it: a hosted URL as it is, bytes as a `data:` URL. */
function frameImage(media: MediaV1): string {
  if (media?.kind === 'url' && typeof media.url === 'string') return media.url;
  if (media?.kind === 'bytes' && media.bytes instanceof Uint8Array) {
    return `data:${media.contentType};base64,${Buffer.from(media.bytes).toString('base64')}`;
  }
  throw new InputError({ message: "'inputs' must be the first frame as an image", param: 'inputs' });
}

/**
 * The text-to-video fields, the optional `prompt` from the parameters, and the image as the first keyframe:
 * `frame_images: [{ input_image, frame: 'first' }]`. An inline image past Together's 61,440-character limit is
 * refused here, with the way out (a hosted URL), instead of as Together's 400.
 *
 * @example
 * mapTogetherImageToVideoBody({ inputs: { kind: 'url', url: 'https://cdn.example/first.png' } }, context);
 * // { model: 'Wan-AI/Wan2.2-I2V-A14B', frame_images: [{ input_image: 'https://cdn.example/first.png', frame: 'first' }] }
 */
export function mapTogetherImageToVideoBody(
  input: ImageToVideoInputV1,
  context: CallContextV1,
): Record<string, unknown> {
  const image = frameImage(input?.inputs);
  if (image.length > TOGETHER_MAX_FRAME_IMAGE_LENGTH) {
    throw new InputError({
      message: `Together takes a first frame of at most ${TOGETHER_MAX_FRAME_IMAGE_LENGTH} characters; send a smaller image or a hosted URL`,
      param: 'inputs',
    });
  }
  const { prompt, ...parameters } = input.parameters ?? {};
  return defined({
    ...generationFields(parameters, context),
    prompt,
    frame_images: [{ input_image: image, frame: 'first' }],
  });
}
