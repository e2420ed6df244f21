/** The multipart form a native upload route receives (OpenAI's transcription form), read once per request. */
import { InputError, type NativeRequestV1 } from '@tollgate/provider-spec';
import { type MultipartField, type MultipartFileField, readMultipartForm } from '@tollgate/provider-utils';

/** Keyed by the body object, which the host hands unchanged to `modelOf`, `mapRequest` and `meterResponse`. */
const forms = new WeakMap<object, readonly MultipartField[]>();

/**
 * The form's parts in order. A body that is not a multipart form is an `InputError` (400) saying what to send.
 *
 * @example
 * multipartFormOf(request).find((part) => part.name === 'file');
 */
export function multipartFormOf(request: NativeRequestV1): readonly MultipartField[] {
  const { body } = request;
  if (body.kind !== 'bytes') {
    throw new InputError({
      message: `Send the upload as multipart/form-data (got ${body.kind === 'json' ? 'a JSON body' : 'no body'}).`,
      code: 'invalid_multipart',
    });
  }
  let form = forms.get(body);
  if (!form) {
    form = readMultipartForm(body.value, body.contentType);
    forms.set(body, form);
  }
  return form;
}

/** The value of the form's first text field `name`, or undefined. */
export function multipartTextOf(form: readonly MultipartField[], name: string): string | undefined {
  for (const part of form) if (part.name === name && !('bytes' in part)) return part.value;
  return undefined;
}

/** The form's first file part `name`, or undefined (a provider may take a URL in a text field instead). */
export function multipartFileOf(
  form: readonly MultipartField[],
  name: string,
): MultipartFileField | undefined {
  for (const part of form) if (part.name === name && 'bytes' in part) return part;
  return undefined;
}

/** The form's `model` field, the provider's own model id, when it is non-empty. */
export function multipartModelOf(request: NativeRequestV1): string | undefined {
  const model = multipartTextOf(multipartFormOf(request), 'model');
  return model === undefined || model === '' ? undefined : model;
}
