/** Builds the body of Together's `POST /v2/videos` from the public `text-to-video` input. */
import { type CallContextV1, InputError, type TextToVideoInputV1 } from '@tollgate/provider-spec';

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
  const parameters = input.parameters ?? {};
  for (const unsupported of ['num_frames', 'aspect_ratio'] as const) {
    if (parameters[unsupported] !== undefined) {
      throw new InputError({
        message: `Together sets a clip by duration_seconds, width and height; it has no ${unsupported}`,
        param: `parameters.${unsupported}`,
      });
    }
  }
  const fields: Record<string, unknown> = {
    model: context.providerModelId,
    prompt: input.inputs,
    width: parameters.width,
    height: parameters.height,
    seconds: parameters.duration_seconds === undefined ? undefined : String(parameters.duration_seconds),
    steps: parameters.num_inference_steps,
    guidance_scale: parameters.guidance_scale,
    negative_prompt: parameters.negative_prompt,
    seed: parameters.seed,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
