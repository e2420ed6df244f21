/** The request fields WaveSpeed's image and video models share, from the public task parameters. */
import { InputError } from '@tollgate/provider-spec';

export interface GenerationParameters {
  readonly negative_prompt?: string;
  readonly width?: number;
  readonly height?: number;
  readonly num_inference_steps?: number;
  readonly guidance_scale?: number;
  readonly seed?: number;
}

/**
 * `size` as WaveSpeed writes it, `"<width>*<height>"` (its models take one size string, not a width and a
 * height); undefined when the caller set neither, so WaveSpeed applies the model's default.
 *
 * @example
 * wavespeedSize({ width: 832, height: 480 }); // '832*480'
 */
export function wavespeedSize(size: {
  readonly width?: number;
  readonly height?: number;
}): string | undefined {
  const { width, height } = size;
  if (width === undefined && height === undefined) return undefined;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width! <= 0 || height! <= 0) {
    throw new InputError({
      message: 'WaveSpeed needs both width and height, as positive whole numbers of pixels.',
      param: width === undefined ? 'parameters.width' : 'parameters.height',
    });
  }
  return `${width}*${height}`;
}

/**
 * The shared fields under WaveSpeed's names (which are Hugging Face's names), leaving out what the caller did not
 * set. `size` comes from `sizeSource`, so image-to-image can prefer its `target_size`.
 *
 * @example
 * generationFields({ seed: 7, num_inference_steps: 28 }); // { num_inference_steps: 28, seed: 7 }
 */
export function generationFields(
  parameters: GenerationParameters | undefined,
  sizeSource: { readonly width?: number; readonly height?: number } = parameters ?? {},
): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (parameters?.negative_prompt !== undefined) fields.negative_prompt = parameters.negative_prompt;
  const size = wavespeedSize(sizeSource);
  if (size !== undefined) fields.size = size;
  if (parameters?.num_inference_steps !== undefined)
    fields.num_inference_steps = parameters.num_inference_steps;
  if (parameters?.guidance_scale !== undefined) fields.guidance_scale = parameters.guidance_scale;
  if (parameters?.seed !== undefined) fields.seed = parameters.seed;
  return fields;
}

/**
 * The prompt a model cannot run without.
 *
 * @example
 * requiredPrompt('A lighthouse at dawn', 'inputs'); // 'A lighthouse at dawn'
 */
export function requiredPrompt(value: unknown, param: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError({ message: `'${param}' must be a non-empty string.`, param });
  }
  return value;
}
