/** The arguments of fal's FLUX text-to-image endpoints for a public `text-to-image` request. */
import type { CallContextV1, TextToImageInputV1 } from '@tollgate/provider-spec';
import { compactArguments } from './compact-arguments.js';
import { falAiModels } from './fal-ai-models.js';
import { falLoraArguments } from './fal-lora-arguments.js';
import { imageSizeArgument } from './image-size-argument.js';
import { requiredPrompt } from './required-prompt.js';

/**
 * `{prompt, image_size, num_inference_steps, guidance_scale, seed, num_images, loras}`, leaving out what the
 * caller did not set. FLUX on fal has no negative prompt, so `negative_prompt` is not sent. A model mapped as a
 * LoRA adapter sends its weights' Hugging Face URL in `loras`, as Hugging Face's client does.
 *
 * @example
 * mapTextToImageArguments({ inputs: 'A lighthouse', parameters: { width: 512, height: 512, seed: 7 } }, context);
 * // { prompt: 'A lighthouse', image_size: { width: 512, height: 512 }, seed: 7 }
 */
export function mapTextToImageArguments(
  input: TextToImageInputV1,
  context: CallContextV1,
): Record<string, unknown> {
  const parameters = input.parameters ?? {};
  const mapping = falAiModels.find(
    (model) => model.hfModelId === context.hfModelId && model.providerModelId === context.providerModelId,
  );
  return compactArguments({
    prompt: requiredPrompt(input.inputs, 'inputs'),
    image_size: imageSizeArgument(parameters.width, parameters.height),
    num_inference_steps: parameters.num_inference_steps,
    guidance_scale: parameters.guidance_scale,
    seed: parameters.seed,
    num_images: parameters.num_images,
    loras: falLoraArguments(mapping),
  });
}
