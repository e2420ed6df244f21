/** Reads a simulated fal model's JSON input the way fal's Pydantic models do, one field at a time. */
import type { FalFieldProblem } from './fal-errors.js';

/** Invalid input: the field problems fal answers 422 with. */
export class FalInputProblem extends Error {
  constructor(readonly problems: readonly FalFieldProblem[]) {
    super(problems.map((problem) => `${problem.loc.join('.')}: ${problem.msg}`).join('; '));
    this.name = 'FalInputProblem';
  }
}

const fail = (field: string, msg: string, type: string): never => {
  throw new FalInputProblem([{ loc: ['body', field], msg, type }]);
};

/**
 * A string field that must be present and non-empty (Pydantic's `missing` when absent).
 *
 * @example
 * requiredText({ prompt: 'a cat' }, 'prompt'); // 'a cat'
 */
export function requiredText(input: Readonly<Record<string, unknown>>, field: string): string {
  const value = input[field];
  if (value === undefined || value === null) return fail(field, 'Field required', 'missing');
  if (typeof value !== 'string') return fail(field, 'Input should be a valid string', 'string_type');
  if (value.trim() === '') return fail(field, 'String should have at least 1 character', 'string_too_short');
  return value;
}

/**
 * An integer field within `[min, max]`, or `fallback` when absent.
 *
 * @example
 * integerField({ num_images: 2 }, 'num_images', 1, 4, 1); // 2
 */
export function integerField(
  input: Readonly<Record<string, unknown>>,
  field: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const value = input[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value))
    return fail(field, 'Input should be a valid integer', 'int_type');
  if (value < min)
    return fail(field, `Input should be greater than or equal to ${min}`, 'greater_than_equal');
  if (value > max) return fail(field, `Input should be less than or equal to ${max}`, 'less_than_equal');
  return value;
}

/**
 * A number field within `[min, max]`, or `fallback` when absent.
 *
 * @example
 * numberField({ speed: 1.2 }, 'speed', 0.1, 5, 1); // 1.2
 */
export function numberField(
  input: Readonly<Record<string, unknown>>,
  field: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const value = input[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value))
    return fail(field, 'Input should be a valid number', 'float_type');
  if (value < min)
    return fail(field, `Input should be greater than or equal to ${min}`, 'greater_than_equal');
  if (value > max) return fail(field, `Input should be less than or equal to ${max}`, 'less_than_equal');
  return value;
}

/**
 * One of `options`, or `fallback` when absent (Pydantic's `literal_error` otherwise).
 *
 * @example
 * choiceField({ resolution: '480p' }, 'resolution', ['480p', '580p', '720p'], '720p'); // '480p'
 */
export function choiceField<Choice extends string>(
  input: Readonly<Record<string, unknown>>,
  field: string,
  options: readonly Choice[],
  fallback: Choice,
): Choice {
  const value = input[field];
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as Choice;
  const listed = options.map((option) => `'${option}'`).join(', ');
  return fail(field, `Input should be ${listed}`, 'literal_error');
}

/**
 * Throws the 422 problem for `field` with `msg` (for checks the helpers above do not cover).
 *
 * @example
 * if (!isUrl(value)) invalidField('image_url', 'Input should be a valid URL', 'url_parsing');
 */
export function invalidField(field: string, msg: string, type: string): never {
  return fail(field, msg, type);
}
