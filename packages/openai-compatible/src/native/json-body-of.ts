/** The JSON object a native OpenAI-style request carries, or an input error saying what is wrong with it. */
import { InputError, type NativeRequestV1 } from '@tollgate/provider-spec';

/**
 * @example jsonBodyOf(request).model
 */
export function jsonBodyOf(request: NativeRequestV1): Record<string, unknown> {
  const { body } = request;
  if (
    body.kind !== 'json' ||
    body.value == null ||
    typeof body.value !== 'object' ||
    Array.isArray(body.value)
  ) {
    throw new InputError({ message: 'The request body must be a JSON object.' });
  }
  return body.value as Record<string, unknown>;
}

/** The body's `model`, the provider's own model id, when it is a non-empty string. */
export function modelFieldOf(request: NativeRequestV1): string | undefined {
  const { body } = request;
  if (body.kind !== 'json' || body.value == null || typeof body.value !== 'object') return undefined;
  const model = (body.value as { model?: unknown }).model;
  return typeof model === 'string' && model !== '' ? model : undefined;
}
