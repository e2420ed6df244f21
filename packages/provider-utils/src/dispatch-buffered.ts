/**
 * One request whose whole answer is read into memory, on undici's dispatcher directly. Every JSON call to a
 * provider is of this kind, and `undici.request()` spends more per call than the proxy hop itself (a URL
 * parse, a request handler, a readable body stream and its consumer): the gateway's benchmark measured that
 * layer at a quarter of its CPU per request. Here the body's chunks are gathered by the dispatch handler.
 */
import type { Dispatcher } from 'undici';
import { defaultUpstreamDispatcher } from './create-upstream-dispatcher.js';

export interface BufferedResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export interface DispatchBufferedOptions {
  readonly dispatcher?: Dispatcher;
  readonly signal?: AbortSignal;
  /** For an error status, keep at most this many bytes of the body (the rest is read and dropped). */
  readonly errorBodyLimitBytes: number;
}

/** undici's response headers with lower-cased names and repeated values joined. */
export function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** What an aborted call rejects with: the signal's own reason when it is an error. */
export function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : new DOMException('This operation was aborted', 'AbortError');
}

/**
 * Resolves with the status, headers and body, whatever the status. Rejects with undici's error for a network
 * failure or timeout, or with the signal's reason when it aborts; an error status whose body was cut off
 * resolves with the part that arrived.
 *
 * @example
 * const answer = await dispatchBuffered({ origin: 'https://api.groq.com', path: '/openai/v1/models', method: 'GET' }, { errorBodyLimitBytes: 1 << 20 });
 */
export function dispatchBuffered(
  request: Dispatcher.DispatchOptions,
  { dispatcher = defaultUpstreamDispatcher(), signal, errorBodyLimitBytes }: DispatchBufferedOptions,
): Promise<BufferedResponse> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    let statusCode = 0;
    let headers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    let onAbort: (() => void) | undefined;
    const finish = (error: Error | undefined) => {
      if (settled) return;
      settled = true;
      if (onAbort) signal?.removeEventListener('abort', onAbort);
      if (error && !(statusCode >= 300 && received > 0)) reject(error);
      else resolve({ statusCode, headers, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) });
    };
    dispatcher.dispatch(request, {
      onRequestStart(controller) {
        if (!signal) return;
        // The signal may have fired while the request waited for a connection.
        if (signal.aborted) {
          controller.abort(abortReason(signal));
          return;
        }
        onAbort = () => controller.abort(abortReason(signal));
        signal.addEventListener('abort', onAbort, { once: true });
      },
      onResponseStart(_controller, status, responseHeaders) {
        statusCode = status;
        headers = flattenHeaders(responseHeaders as Record<string, string | string[] | undefined>);
      },
      onResponseData(_controller, chunk) {
        if (statusCode >= 300 && received >= errorBodyLimitBytes) return;
        const room = statusCode >= 300 ? errorBodyLimitBytes - received : chunk.length;
        const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
        received += part.length;
        chunks.push(part);
      },
      onResponseEnd() {
        finish(undefined);
      },
      onResponseError(_controller, error) {
        finish(error);
      },
    });
  });
}
