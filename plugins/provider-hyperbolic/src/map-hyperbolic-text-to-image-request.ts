/** Builds Hyperbolic's own image generation request, which is not OpenAI's (`model_name`, `steps`, `cfg_scale`). */
import {
  type CallContextV1,
  InputError,
  type TextToImageInputV1,
  type UpstreamRequestV1,
} from '@tollgate/provider-spec';

/**
 * `POST /v1/images/generations` with `{ model_name, prompt, width, height, steps, cfg_scale, negative_prompt,
 * seed }`: Hyperbolic names the model `model_name` (its chat API says `model`), the step count `steps` and the
 * guidance `cfg_scale`, and makes one image per request.
 *
 * @example
 * mapHyperbolicTextToImageRequest({ input: { inputs: 'A lighthouse', parameters: { num_inference_steps: 25 } }, context });
 * // body: { model_name: 'FLUX.1-dev', prompt: 'A lighthouse', steps: 25 }
 */
export function mapHyperbolicTextToImageRequest({
  input,
  context,
}: {
  input: TextToImageInputV1;
  context: CallContextV1;
}): UpstreamRequestV1 {
  if (typeof input?.inputs !== 'string' || input.inputs.trim() === '') {
    throw new InputError({ message: "'inputs' must be the prompt text", param: 'inputs' });
  }
  const parameters = input.parameters ?? {};
  if (parameters.num_images !== undefined && parameters.num_images !== 1) {
    throw new InputError({
      message: 'Hyperbolic makes one image per request',
      param: 'parameters.num_images',
    });
  }
  const fields: Record<string, unknown> = {
    model_name: context.providerModelId,
    prompt: input.inputs,
    width: parameters.width,
    height: parameters.height,
    steps: parameters.num_inference_steps,
    cfg_scale: parameters.guidance_scale,
    negative_prompt: parameters.negative_prompt,
    seed: parameters.seed,
  };
  const value = Object.fromEntries(Object.entries(fields).filter(([, field]) => field !== undefined));
  return { method: 'POST', path: '/v1/images/generations', body: { kind: 'json', value }, expect: 'json' };
}
