/** A string enum as a plain JSON Schema `enum`, so a bad value is reported as one error listing the allowed values. */
import { type SchemaOptions, type TUnsafe, Type } from '@sinclair/typebox';

/**
 * TypeBox's `Union` of literals validates as `anyOf`, whose errors read poorly; `enum` says "must be equal to one
 * of the allowed values" and documents the values in the OpenAPI document.
 *
 * @example
 * const Format = stringEnum(['float', 'base64'], { description: 'How vectors are encoded.' });
 */
export function stringEnum<const Values extends readonly string[]>(
  values: Values,
  options: SchemaOptions = {},
): TUnsafe<Values[number]> {
  return Type.Unsafe<Values[number]>({ ...options, type: 'string', enum: [...values] });
}
