/** Drops the fields a client left out, so that a task input names only the parameters it was given. */

/**
 * @example
 * definedFields({ seed: 7, guidance_scale: undefined }); // { seed: 7 }
 */
export function definedFields<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
