/** Drops unset fields from a model input, so Replicate applies the model's own defaults for them. */

/**
 * @example
 * compactInput({ prompt: 'a fox', seed: undefined }); // { prompt: 'a fox' }
 */
export function compactInput(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined && value !== null),
  );
}
