/** Reads a JSON request body on the lean inference path, with the same limits and errors the framework applies. */
import type { IncomingMessage } from 'node:http';
import { InputError } from '@tollgate/provider-spec';
import { HttpRequestError } from './http-request-error.js';
import { readBodyBytes } from './read-body-bytes.js';

/** `application/json`, or any `application/*+json`, parameters aside. */
export function isJsonMediaType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const semicolon = contentType.indexOf(';');
  const type = (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

/**
 * The parsed body. Rejects with a 415 for a media type that is not JSON, a 413 as soon as more than
 * `limitBytes` arrived (the rest is not read), and an `InputError` (400) for a body that is not JSON.
 *
 * @example
 * const body = await readJsonBody(request, 1_048_576);
 */
export async function readJsonBody(request: IncomingMessage, limitBytes: number): Promise<unknown> {
  if (!isJsonMediaType(request.headers['content-type'])) {
    request.resume();
    throw new HttpRequestError(
      415,
      'unsupported_media_type',
      `Unsupported Media Type: send the body as application/json (got ${request.headers['content-type'] ?? 'none'}).`,
    );
  }
  const bytes = await readBodyBytes(request, limitBytes);
  const text = bytes.toString('utf8');
  if (text.trim() === '')
    throw new InputError({ message: 'The request body is empty; send a JSON object.', code: 'invalid_json' });
  try {
    return JSON.parse(text);
  } catch {
    throw new InputError({ message: 'The request body is not valid JSON.', code: 'invalid_json' });
  }
}
