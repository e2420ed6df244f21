/** The body of Z.ai's image generation from the public text-to-image input. */
import { InputError, type TextToImageInputV1 } from '@tollgate/provider-spec';

/** Public parameters Z.ai's image API has no field for (it takes a prompt, a size, a quality and a user id). */
const UNSUPPORTED = ['negative_prompt', 'num_inference_steps', 'guidance_scale', 'seed'] as const;

function size(width: number | undefined, height: number | undefined): Record<string, unknown> {
  if (width === undefined && height === undefined) return {};
  if (!Number.isInteger(width) || !Number.isInteger(height)) {
    throw new InputError({
      message: 'Z.ai needs both width and height, as whole numbers of pixels.',
      param: width === undefined ? 'parameters.width' : 'parameters.height',
    });
  }
  // Z.ai writes a size as `<width>x<height>`; it checks the limits itself (1024-2048 px, multiples of 32).
  return { size: `${width}x${height}` };
}

/**
 * `{model, prompt, size}` as Z.ai takes them. Z.ai makes one image per call, so more than one is refused here
 * rather than silently returning one.
 *
 * @example
 * textToImageBody({ inputs: 'A kitten on a windowsill', parameters: { width: 1568, height: 1056 } }, 'glm-image');
 * // { model: 'glm-image', prompt: 'A kitten on a windowsill', size: '1568x1056' }
 */
export function textToImageBody(input: TextToImageInputV1, model: string): Record<string, unknown> {
  if (typeof input?.inputs !== 'string' || input.inputs.trim() === '') {
    throw new InputError({ message: "'inputs' must be a non-empty prompt.", param: 'inputs' });
  }
  const parameters = input.parameters ?? {};
  for (const name of UNSUPPORTED) {
    if (parameters[name] !== undefined) {
      throw new InputError({
        message: `Z.ai's image API takes a prompt and a size; 'parameters.${name}' is not supported.`,
        param: `parameters.${name}`,
      });
    }
  }
  if (parameters.num_images !== undefined && parameters.num_images !== 1) {
    throw new InputError({
      message: 'Z.ai makes one image per request; set parameters.num_images to 1 or leave it out.',
      param: 'parameters.num_images',
    });
  }
  return { model, prompt: input.inputs, ...size(parameters.width, parameters.height) };
}
