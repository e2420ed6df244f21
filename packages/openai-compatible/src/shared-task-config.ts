/** The knobs every OpenAI-style task handler shares: which provider, which path, and a last word on the body. */

export interface OpenAICompatibleTaskConfig {
  readonly providerId: string;
  /** Appended to the provider's base URL; each task has its OpenAI default (e.g. `/v1/embeddings`). */
  readonly path?: string;
  /** Body fields the provider rejects; removed before sending. */
  readonly unsupportedParameters?: readonly string[];
  /** The last word on the request body (or the multipart fields), after the defaults are applied. */
  readonly transformRequestBody?: (body: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * Removes the unsupported fields, then applies the transform; the body is a fresh object.
 *
 * @example
 * finishRequestBody({ providerId: 'p', unsupportedParameters: ['top_k'] }, { prompt: 'x', top_k: 5 }); // { prompt: 'x' }
 */
export function finishRequestBody(
  config: OpenAICompatibleTaskConfig,
  body: Record<string, unknown>,
): Record<string, unknown> {
  const finished: Record<string, unknown> = { ...body };
  for (const parameter of config.unsupportedParameters ?? []) delete finished[parameter];
  return config.transformRequestBody ? config.transformRequestBody(finished) : finished;
}

/** Drops the keys whose value is undefined, so a body carries only what the caller set. */
export function definedFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
