/**
 * One request whose answer is handed over as it arrives, on undici's dispatcher directly: what `undici.request()`
 * does for a stream (URL parse, request handler, a `Readable` and its async iterator) costs more per chunk and
 * per call than this gateway's whole streaming hop (docs/decisions/0008). The body is a small pull queue fed by
 * the dispatch handler; the connection is paused while the consumer is behind, so a slow client never makes the
 * gateway buffer a fast provider's stream.
 */
import type { Dispatcher } from 'undici';
import { defaultUpstreamDispatcher } from './create-upstream-dispatcher.js';
import { abortReason, flattenHeaders } from './dispatch-buffered.js';

/** A response body read once, chunk by chunk; `destroy()` (or stopping the iteration) closes the connection. */
export interface StreamedBody extends AsyncIterable<Buffer> {
  destroy(): void;
}

export interface StreamedResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: StreamedBody;
}

export interface DispatchStreamedOptions {
  readonly dispatcher?: Dispatcher;
  readonly signal?: AbortSignal;
}

/**
 * Bytes waiting for the consumer before the connection is paused: enough for a burst of events, small enough
 * that a slow client never makes the gateway hold much of a fast provider's stream.
 */
const HIGH_WATER_BYTES = 64 * 1024;

type Controller = Parameters<NonNullable<Dispatcher.DispatchHandler['onRequestStart']>>[0];

/**
 * The consumer's end of the body: chunks queue here until pulled, or until the response ends or fails. A read
 * takes everything that arrived since the last one as one buffer: one socket read of a chunked body is many
 * parser callbacks (one per chunk the provider wrote, often one per event), and handing them over singly made
 * every later stage (SSE parsing, mapping, the client write) run once per event instead of once per read.
 */
class PullQueue implements StreamedBody {
  private chunks: Buffer[] = [];
  private queuedBytes = 0;
  private ended = false;
  private failure: Error | undefined;
  private waiting:
    | { resolve: (step: IteratorResult<Buffer>) => void; reject: (error: Error) => void }
    | undefined;
  private deliveryScheduled = false;
  controller: Controller | undefined;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.queuedBytes += chunk.length;
    if (this.queuedBytes >= HIGH_WATER_BYTES) this.controller?.pause();
    // Hand over once the parser is done with this socket read, so the rest of the read joins this chunk.
    if (this.waiting && !this.deliveryScheduled) {
      this.deliveryScheduled = true;
      queueMicrotask(this.deliver);
    }
  }

  end(): void {
    this.ended = true;
    this.settleWaiting();
  }

  fail(error: Error): void {
    if (this.ended) return;
    this.failure = error;
    this.ended = true;
    this.settleWaiting();
  }

  destroy(): void {
    if (!this.ended) this.controller?.abort(new Error('The response body was destroyed by its reader.'));
    this.ended = true;
    this.failure = undefined;
    this.chunks = [];
    this.queuedBytes = 0;
    this.settleWaiting();
  }

  next(): Promise<IteratorResult<Buffer>> {
    if (this.chunks.length > 0) return Promise.resolve({ done: false, value: this.takeAll() });
    if (this.failure) return Promise.reject(this.failure);
    if (this.ended) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<Buffer> {
    return {
      next: () => this.next(),
      return: () => {
        this.destroy();
        return Promise.resolve({ done: true, value: undefined });
      },
    };
  }

  private readonly deliver = (): void => {
    this.deliveryScheduled = false;
    this.settleWaiting();
  };

  /** Everything queued, as one buffer; reading it makes room, so a paused connection resumes. */
  private takeAll(): Buffer {
    const { chunks, queuedBytes } = this;
    this.chunks = [];
    this.queuedBytes = 0;
    const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, queuedBytes);
    if (this.controller?.paused && !this.ended) this.controller.resume();
    return all;
  }

  /** Answers a waiting read: queued data first, then the failure or the end. */
  private settleWaiting(): void {
    if (!this.waiting) return;
    const { resolve, reject } = this.waiting;
    if (this.chunks.length > 0) {
      this.waiting = undefined;
      resolve({ done: false, value: this.takeAll() });
    } else if (this.failure) {
      this.waiting = undefined;
      reject(this.failure);
    } else if (this.ended) {
      this.waiting = undefined;
      resolve({ done: true, value: undefined });
    }
  }
}

/**
 * Resolves when the response headers arrive, whatever the status, with a body to read; rejects with undici's
 * error for a network failure or timeout before the headers, or with the signal's reason when it aborts. A
 * failure or abort after the headers rejects the body's pending read instead.
 *
 * @example
 * const { statusCode, body } = await dispatchStreamed({ origin, path: '/v1/chat/completions', method: 'POST', headers, body: json });
 * for await (const chunk of body) process.stdout.write(chunk);
 */
export function dispatchStreamed(
  request: Dispatcher.DispatchOptions,
  { dispatcher = defaultUpstreamDispatcher(), signal }: DispatchStreamedOptions = {},
): Promise<StreamedResponse> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const body = new PullQueue();
    let started = false;
    let onAbort: (() => void) | undefined;
    const stopListening = () => {
      if (onAbort) signal?.removeEventListener('abort', onAbort);
      onAbort = undefined;
    };
    dispatcher.dispatch(request, {
      onRequestStart(controller) {
        body.controller = controller;
        if (!signal) return;
        if (signal.aborted) {
          controller.abort(abortReason(signal));
          return;
        }
        onAbort = () => controller.abort(abortReason(signal));
        signal.addEventListener('abort', onAbort, { once: true });
      },
      onResponseStart(_controller, statusCode, headers) {
        started = true;
        resolve({
          statusCode,
          headers: flattenHeaders(headers as Record<string, string | string[] | undefined>),
          body,
        });
      },
      onResponseData(_controller, chunk) {
        body.push(chunk);
      },
      onResponseEnd() {
        stopListening();
        body.end();
      },
      onResponseError(_controller, error) {
        stopListening();
        if (started) body.fail(error);
        else reject(error);
      },
    });
  });
}
