/**
 * Writes a streaming execution to the client as server-sent events, OpenAI style: one `data: <json>` event per
 * chunk as soon as it arrives (the chunks of one batch in one socket write), `data: {"error":...}` and the end
 * on failure, `data: [DONE]` after a complete stream. Honours backpressure, and stops reading the upstream
 * when the client goes away.
 */
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { StreamItem } from '@tollgate/core';

export type SseStreamOutcome = 'completed' | 'failed' | 'client_closed';

export interface WriteSseStreamArgs {
  readonly response: ServerResponse;
  readonly batches: AsyncIterable<readonly StreamItem[]>;
  /** Aborted when the client disconnects. */
  readonly signal: AbortSignal;
  /** Extra response headers (request id, provider, ...). */
  readonly headers?: Readonly<Record<string, string | number | readonly string[] | undefined>>;
  /** Called when iterating the items throws, which the executor promises never to do. */
  readonly onUnexpectedError?: (error: unknown) => void;
}

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  'x-accel-buffering': 'no',
} as const;

/** Resolves when the socket buffer drained, or when the response closed and will never drain. */
function drainedOrClosed(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}

function event(data: unknown): string {
  return `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}

/** The events of one batch as one string, and whether the batch ended the stream with an error. */
function eventsOf(batch: readonly StreamItem[]): { text: string; failed: boolean } {
  let text = '';
  for (const item of batch) {
    if (item.type === 'error') return { text: text + event({ error: item.error }), failed: true };
    text += event(item.data);
  }
  return { text, failed: false };
}

/**
 * @example
 * reply.hijack();
 * await writeSseStream({ response: reply.raw, batches: result.batches, signal, headers: { 'x-request-id': id } });
 */
export async function writeSseStream({
  response,
  batches,
  signal,
  headers = {},
  onUnexpectedError,
}: WriteSseStreamArgs): Promise<SseStreamOutcome> {
  const head: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) head[name] = typeof value === 'object' ? [...value] : value;
  }
  // Assigned, not spread after `head`: a leading spread plus more keys gives the object a hidden class of its own
  // (Node 20), which makes Node's walk over the headers slower.
  response.writeHead(200, Object.assign(head, SSE_HEADERS));

  // What is written before the next tick leaves in one socket write (the headers, the first batch, the last
  // batch and `[DONE]` and the end of the body, say): the response is corked on the first write and uncorked
  // on the next tick, which comes before any further I/O. A stream whose first batch is not there within one turn
  // of the event loop (a slow provider's first token) gets its headers alone then. Not sooner: a batch that waits
  // only for work already queued for this turn, such as a complete answer held until its charge is in the ledger,
  // still leaves with its headers in one write.
  let wrote = false;
  let corked = false;
  let uncorkQueued = false;
  const uncork = () => {
    uncorkQueued = false;
    if (!corked) return;
    corked = false;
    response.uncork();
  };
  // Corked from the start, so the first batch needs no tick of its own.
  corked = true;
  response.cork();
  process.nextTick(() => {
    if (wrote) return uncork();
    // setImmediate twice: after the check phase this turn already queued (a ledger commit, say) has run.
    setImmediate(() =>
      setImmediate(() => {
        if (wrote || response.destroyed || response.writableEnded) return;
        response.flushHeaders();
        uncork();
      }),
    );
  });
  const write = async (text: string): Promise<void> => {
    wrote = true;
    if (!corked && !response.destroyed) {
      corked = true;
      response.cork();
    }
    if (corked && !uncorkQueued) {
      uncorkQueued = true;
      process.nextTick(uncork);
    }
    if (!response.write(text) && !response.destroyed) await drainedOrClosed(response);
  };
  try {
    for await (const batch of batches) {
      if (signal.aborted || response.destroyed) return 'client_closed';
      const { text, failed } = eventsOf(batch);
      if (text !== '') await write(text);
      if (failed) return 'failed';
    }
    if (signal.aborted || response.destroyed) return 'client_closed';
    await write(event('[DONE]'));
    return 'completed';
  } catch (error) {
    onUnexpectedError?.(error);
    if (!response.destroyed) {
      await write(
        event({
          error: { message: 'The stream failed unexpectedly.', type: 'server_error', code: 'internal_error' },
        }),
      );
    }
    return 'failed';
  } finally {
    // Ending first puts the end of the body in the same socket write as what is still corked.
    if (!response.destroyed) response.end();
    uncork();
  }
}
