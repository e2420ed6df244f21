/** Reads the body of a native-route request: JSON when it says so, the raw bytes otherwise, nothing for a GET. */
import type { IncomingMessage } from 'node:http';
import { InputError, type NativeBodyV1 } from '@tollgate/provider-spec';
import { HttpRequestError } from './http-request-error.js';

function isJson(contentType: string): boolean {
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

async function readBytes(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  if (Number(request.headers['content-length']) > limitBytes) {
    request.resume();
    throw new HttpRequestError(413, 'request_too_large', 'Request body is too large');
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > limitBytes)
      throw new HttpRequestError(413, 'request_too_large', 'Request body is too large');
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/**
 * Providers' own APIs take JSON, and raw files for binary inputs (hf-inference's audio and images), so a body
 * that is not JSON is kept as bytes with its content type.
 *
 * @example
 * const body = await readNativeBody(request, 16 * 1024 * 1024);
 */
export async function readNativeBody(request: IncomingMessage, limitBytes: number): Promise<NativeBodyV1> {
  const bytes = await readBytes(request, limitBytes);
  if (bytes.length === 0) return { kind: 'none' };
  const contentType = request.headers['content-type'] ?? 'application/octet-stream';
  if (!isJson(contentType)) return { kind: 'bytes', value: new Uint8Array(bytes), contentType };
  try {
    return { kind: 'json', value: JSON.parse(bytes.toString('utf8')) };
  } catch {
    throw new InputError({ message: 'The request body is not valid JSON.', code: 'invalid_json' });
  }
}
