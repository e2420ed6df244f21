/** Reads the body of a native-route request: JSON when it says so, the raw bytes otherwise, nothing for a GET. */
import type { IncomingMessage } from 'node:http';
import { InputError, type NativeBodyV1 } from '@tollgate/provider-spec';
import { readBodyBytes } from './read-body-bytes.js';
import { isJsonMediaType } from './read-json-body.js';

/**
 * Providers' own APIs take JSON, and raw files for binary inputs (hf-inference's audio and images), so a body
 * that is not JSON is kept as bytes with its content type.
 *
 * @example
 * const body = await readNativeBody(request, 16 * 1024 * 1024);
 */
export async function readNativeBody(request: IncomingMessage, limitBytes: number): Promise<NativeBodyV1> {
  const bytes = await readBodyBytes(request, limitBytes);
  if (bytes.length === 0) return { kind: 'none' };
  const contentType = request.headers['content-type'] ?? 'application/octet-stream';
  if (!isJsonMediaType(contentType)) return { kind: 'bytes', value: new Uint8Array(bytes), contentType };
  try {
    return { kind: 'json', value: JSON.parse(bytes.toString('utf8')) };
  } catch {
    throw new InputError({ message: 'The request body is not valid JSON.', code: 'invalid_json' });
  }
}
