/** Splits what follows `/models/` in an hf-inference path into the Hub id and the endpoint of the model it names. */

export type ModelEndpoint =
  | { readonly kind: 'chat' }
  | { readonly kind: 'completions' }
  | { readonly kind: 'pipeline'; readonly task: 'feature-extraction' | 'sentence-similarity' }
  /** The model's own pipeline, `/models/{id}`. */
  | { readonly kind: 'model' };

export interface ModelPath {
  readonly modelId: string;
  /** The path's endpoint after the id, e.g. `/v1/chat/completions`; empty for the model's own pipeline. */
  readonly suffix: string;
  readonly endpoint: ModelEndpoint;
}

const SUFFIXES: readonly (readonly [string, ModelEndpoint])[] = [
  ['/v1/chat/completions', { kind: 'chat' }],
  ['/v1/completions', { kind: 'completions' }],
  ['/pipeline/feature-extraction', { kind: 'pipeline', task: 'feature-extraction' }],
  ['/pipeline/sentence-similarity', { kind: 'pipeline', task: 'sentence-similarity' }],
];

/**
 * The id is `owner/name`, or a legacy id without an owner (`gpt2`); anything else (three segments, an empty
 * one) names no model. A known endpoint suffix is split off first.
 *
 * @example
 * parseModelPath('gpt2/v1/completions'); // { modelId: 'gpt2', suffix: '/v1/completions', endpoint: { kind: 'completions' } }
 * parseModelPath('google/vit-base-patch16-224'); // { modelId: 'google/vit-base-patch16-224', suffix: '', endpoint: { kind: 'model' } }
 */
export function parseModelPath(rest: string): ModelPath | undefined {
  const known = SUFFIXES.find(([suffix]) => rest.endsWith(suffix) && rest.length > suffix.length);
  const [suffix, endpoint] = known ?? ['', { kind: 'model' } as const];
  const modelId = rest.slice(0, rest.length - suffix.length);
  const segments = modelId.split('/');
  if (segments.length > 2 || segments.some((segment) => segment === '')) return undefined;
  return { modelId, suffix, endpoint };
}
