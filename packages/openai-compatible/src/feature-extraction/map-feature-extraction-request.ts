/** Builds an OpenAI `/v1/embeddings` request from the public `feature-extraction` input. */
import {
  type CallContextV1,
  type FeatureExtractionInputV1,
  InputError,
  type UpstreamRequestV1,
} from '@tollgate/provider-spec';
import { definedFields, finishRequestBody } from '../shared-task-config.js';
import type { OpenAICompatibleFeatureExtractionConfig } from './openai-compatible-feature-extraction-config.js';

function isTextList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string');
}

/**
 * `{ model, input, dimensions? }`: `inputs` (one text or a list) becomes `input` unchanged, so the output has
 * as many vectors as the caller sent texts.
 *
 * @example
 * mapFeatureExtractionRequest({ providerId: 'scaleway' }, { input: { inputs: ['a', 'b'] }, context });
 * // { method: 'POST', path: '/v1/embeddings', body: { kind: 'json', value: { model: 'bge-multilingual-gemma2', input: ['a', 'b'] } }, expect: 'json' }
 */
export function mapFeatureExtractionRequest(
  config: OpenAICompatibleFeatureExtractionConfig,
  { input, context }: { input: FeatureExtractionInputV1; context: CallContextV1 },
): UpstreamRequestV1 {
  const texts = input?.inputs;
  if (typeof texts !== 'string' && !isTextList(texts)) {
    throw new InputError({
      message: "'inputs' must be a text or a non-empty list of texts",
      param: 'inputs',
    });
  }
  const parameters = input.parameters ?? {};
  const forwarded = Object.fromEntries(
    (config.forwardParameters ?? []).map((name) => [name, parameters[name]] as const),
  );
  const body = definedFields({
    model: context.providerModelId,
    input: texts,
    dimensions: parameters.dimensions,
    ...forwarded,
  });
  return {
    method: 'POST',
    path: config.path ?? '/v1/embeddings',
    body: { kind: 'json', value: finishRequestBody(config, body) },
    expect: 'json',
  };
}
