/** Reads a request body into memory, refusing it (413) as soon as it grows past the limit. */
import type { IncomingMessage } from 'node:http';
import { HttpRequestError } from './http-request-error.js';

const tooLarge = () => new HttpRequestError(413, 'request_too_large', 'Request body is too large');

/**
 * Events rather than `for await`: the async iterator of a readable costs a measurable share of a proxied
 * request, and bodies here are small and read whole.
 *
 * @example
 * const bytes = await readBodyBytes(request, 1_048_576);
 */
export function readBodyBytes(request: IncomingMessage, limitBytes: number): Promise<Buffer> {
  if (Number(request.headers['content-length']) > limitBytes) {
    request.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) {
        cleanup();
        request.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      if (request.complete) return;
      cleanup();
      reject(
        new HttpRequestError(
          400,
          'incomplete_body',
          'The client closed the connection before the body was sent.',
        ),
      );
    };
    const cleanup = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}
