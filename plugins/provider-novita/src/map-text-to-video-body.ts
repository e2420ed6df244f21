/** The body of Novita's async video routes (`/v3/async/{model}`) from the public text-to-video input. */
import { InputError, type TextToVideoInputV1 } from '@tollgate/provider-spec';

/** Public parameters Novita's Wan routes have no field for: they take a width and height and make 5-second clips. */
const UNSUPPORTED = ['num_frames', 'duration_seconds', 'aspect_ratio'] as const;

/**
 * `prompt` and the parameters under Novita's names: the same as Hugging Face's except `steps` for
 * `num_inference_steps`. Nothing else is added (Hugging Face's client sends no `model_name` either; the route
 * names the model), so Novita applies its defaults (832×480, 30 steps) to what the caller left out.
 *
 * @example
 * textToVideoBody({ inputs: 'A fox in the snow', parameters: { width: 1280, height: 720, num_inference_steps: 30 } });
 * // { prompt: 'A fox in the snow', width: 1280, height: 720, steps: 30 }
 */
export function textToVideoBody(input: TextToVideoInputV1): Record<string, unknown> {
  if (typeof input?.inputs !== 'string' || input.inputs.trim() === '') {
    throw new InputError({ message: "'inputs' must be a non-empty prompt.", param: 'inputs' });
  }
  const parameters = input.parameters ?? {};
  for (const name of UNSUPPORTED) {
    if (parameters[name] !== undefined) {
      throw new InputError({
        message: `Novita's video models take a width and height and make fixed-length clips; 'parameters.${name}' is not supported.`,
        param: `parameters.${name}`,
      });
    }
  }
  const body: Record<string, unknown> = { prompt: input.inputs };
  if (parameters.negative_prompt !== undefined) body.negative_prompt = parameters.negative_prompt;
  if (parameters.width !== undefined) body.width = parameters.width;
  if (parameters.height !== undefined) body.height = parameters.height;
  if (parameters.seed !== undefined) body.seed = parameters.seed;
  if (parameters.guidance_scale !== undefined) body.guidance_scale = parameters.guidance_scale;
  if (parameters.num_inference_steps !== undefined) body.steps = parameters.num_inference_steps;
  return body;
}
