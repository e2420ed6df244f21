/** Builds an OpenAI `/v1/completions` request from the public `text-generation` input. */
import {
  type CallContextV1,
  InputError,
  type TextGenerationInputV1,
  type UpstreamRequestV1,
} from '@tollgate/provider-spec';
import { definedFields, finishRequestBody } from '../shared-task-config.js';
import type { OpenAICompatibleTextGenerationConfig } from './openai-compatible-text-generation-config.js';

/**
 * `inputs` becomes `prompt`, `max_new_tokens` becomes `max_tokens`; `temperature`, `top_p`, `top_k`, `stop`, `seed`
 * and `repetition_penalty` keep their names (vLLM-based servers take the last three; a provider that rejects them
 * lists them in `unsupportedParameters`). Never streamed.
 *
 * @example
 * mapTextGenerationRequest({ providerId: 'together' }, { input: { inputs: 'Once upon a time', parameters: { max_new_tokens: 20 } }, context });
 * // { method: 'POST', path: '/v1/completions', body: { kind: 'json', value: { model, prompt: 'Once upon a time', max_tokens: 20 } }, expect: 'json' }
 */
export function mapTextGenerationRequest(
  config: OpenAICompatibleTextGenerationConfig,
  { input, context }: { input: TextGenerationInputV1; context: CallContextV1 },
): UpstreamRequestV1 {
  if (typeof input?.inputs !== 'string') {
    throw new InputError({ message: "'inputs' must be the prompt text", param: 'inputs' });
  }
  const parameters = input.parameters ?? {};
  const body = definedFields({
    model: context.providerModelId,
    prompt: input.inputs,
    max_tokens: parameters.max_new_tokens,
    temperature: parameters.temperature,
    top_p: parameters.top_p,
    top_k: parameters.top_k,
    stop: parameters.stop,
    seed: parameters.seed,
    repetition_penalty: parameters.repetition_penalty,
  });
  return {
    method: 'POST',
    path: config.path ?? '/v1/completions',
    body: { kind: 'json', value: finishRequestBody(config, body) },
    expect: 'json',
  };
}
