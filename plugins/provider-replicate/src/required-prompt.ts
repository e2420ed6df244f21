/** The text every Replicate generation model needs, checked before a call is spent on it. */
import { InputError } from '@tollgate/provider-spec';

/**
 * @example
 * requiredPrompt('A lighthouse at dawn', 'inputs'); // 'A lighthouse at dawn'
 * requiredPrompt('', 'inputs'); // throws InputError
 */
export function requiredPrompt(value: unknown, param: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError({ message: `'${param}' must be a non-empty string.`, param });
  }
  return value;
}
