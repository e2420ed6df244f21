/** Drops unset fields from a model's arguments, so fal applies its own defaults for them. */

/**
 * A copy of `fields` without the entries whose value is `undefined`.
 *
 * @example
 * compactArguments({ prompt: 'a cat', seed: undefined }); // { prompt: 'a cat' }
 */
export function compactArguments(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
