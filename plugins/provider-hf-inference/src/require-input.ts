/** Checks of a task's public input that turn a malformed request into a clear `InputError` before any call. */
import { InputError } from '@tollgate/provider-spec';
import { isRecord } from './is-record.js';

/**
 * The request as an object, or an `InputError`.
 *
 * @example
 * const input = requireInputObject(args.input); // throws on null, arrays and strings
 */
export function requireInputObject(input: unknown): Record<string, unknown> {
  if (!isRecord(input)) throw new InputError({ message: 'The request body must be a JSON object' });
  return input;
}

/**
 * `value` if it is a non-empty string, else an `InputError` naming `param`.
 *
 * @example
 * requireText(input.inputs, 'inputs');
 */
export function requireText(value: unknown, param: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InputError({ message: `'${param}' must be a non-empty string`, param });
  }
  return value;
}

/**
 * `value` if it is a non-empty list of strings, else an `InputError` naming `param`.
 *
 * @example
 * requireTextList(input.parameters?.candidate_labels, 'parameters.candidate_labels');
 */
export function requireTextList(value: unknown, param: string): readonly string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string')) {
    throw new InputError({ message: `'${param}' must be a non-empty list of strings`, param });
  }
  return value as readonly string[];
}

/**
 * `value` if it is absent or an object, else an `InputError`: `parameters` must be an object when sent.
 *
 * @example
 * const parameters = optionalParameters(input.parameters);
 */
export function optionalParameters(
  value: unknown,
  param = 'parameters',
): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw new InputError({ message: `'${param}' must be an object`, param });
  return value;
}
