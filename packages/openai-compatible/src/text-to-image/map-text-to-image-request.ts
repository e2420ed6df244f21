/** Builds an OpenAI-style `/v1/images/generations` request from the public `text-to-image` input. */
import {
  type CallContextV1,
  InputError,
  type TextToImageInputV1,
  type UpstreamRequestV1,
} from '@tollgate/provider-spec';
import { definedFields, finishRequestBody } from '../shared-task-config.js';
import type {
  ImageParameterName,
  OpenAICompatibleTextToImageConfig,
} from './openai-compatible-text-to-image-config.js';

const PARAMETERS: readonly ImageParameterName[] = [
  'num_inference_steps',
  'guidance_scale',
  'negative_prompt',
  'seed',
];

function positiveInteger(value: unknown, param: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new InputError({ message: `'${param}' must be a positive integer`, param });
  }
  return value;
}

function sizeFields(
  config: OpenAICompatibleTextToImageConfig,
  width: number | undefined,
  height: number | undefined,
): Record<string, unknown> {
  if (width === undefined && height === undefined) return {};
  if (config.size === 'width-height') return definedFields({ width, height });
  if (width === undefined || height === undefined) {
    throw new InputError({
      message: `${config.providerId} takes an image size as width and height together`,
      param: width === undefined ? 'parameters.width' : 'parameters.height',
    });
  }
  return { size: `${width}x${height}` };
}

/**
 * `{ model, prompt, n, size | width+height, response_format, ...named parameters }`: `num_images` becomes `n`,
 * the size is written the provider's way, and only the generation parameters the provider names are sent.
 *
 * @example
 * mapTextToImageRequest({ providerId: 'nscale' }, { input: { inputs: 'A lighthouse', parameters: { width: 512, height: 512 } }, context });
 * // body: { model: 'black-forest-labs/FLUX.1-schnell', prompt: 'A lighthouse', size: '512x512', response_format: 'b64_json' }
 */
export function mapTextToImageRequest(
  config: OpenAICompatibleTextToImageConfig,
  { input, context }: { input: TextToImageInputV1; context: CallContextV1 },
): UpstreamRequestV1 {
  if (typeof input?.inputs !== 'string' || input.inputs.trim() === '') {
    throw new InputError({ message: "'inputs' must be the prompt text", param: 'inputs' });
  }
  const parameters = input.parameters ?? {};
  const width = positiveInteger(parameters.width, 'parameters.width');
  const height = positiveInteger(parameters.height, 'parameters.height');
  const named = Object.fromEntries(
    PARAMETERS.flatMap((name) => {
      const field = config.parameterNames?.[name];
      return field === undefined || parameters[name] === undefined ? [] : [[field, parameters[name]]];
    }),
  );
  const body = definedFields({
    [config.modelField ?? 'model']: context.providerModelId,
    prompt: input.inputs,
    n: positiveInteger(parameters.num_images, 'parameters.num_images'),
    ...sizeFields(config, width, height),
    ...named,
    response_format: config.responseFormat === undefined ? 'b64_json' : (config.responseFormat ?? undefined),
  });
  return {
    method: 'POST',
    path: config.path ?? '/v1/images/generations',
    body: { kind: 'json', value: finishRequestBody(config, body) },
    expect: 'json',
  };
}
