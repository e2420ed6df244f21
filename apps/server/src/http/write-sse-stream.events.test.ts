import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StreamItem } from '@tollgate/core';
import { afterEach, describe, expect, it } from 'vitest';
import { clientAbortSignal } from './client-abort-signal.js';
import { type SseStreamOutcome, writeSseStream } from './write-sse-stream.js';

/** Items the test releases one at a time (a batch each), recording whether the writer stopped iterating. */
function controlledItems() {
  const queue: ((item: StreamItem | undefined) => void)[] = [];
  const pending: Promise<StreamItem | undefined>[] = [];
  const state = { returned: false };
  const next = () => {
    const promise = new Promise<StreamItem | undefined>((resolve) => queue.push(resolve));
    pending.push(promise);
    return promise;
  };
  const batches: AsyncIterable<readonly StreamItem[]> = {
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          const item = await next();
          if (item === undefined) return;
          yield [item];
        }
      } finally {
        state.returned = true;
      }
    },
  };
  const release = async (item: StreamItem | undefined) => {
    while (queue.length === 0) await new Promise((resolve) => setImmediate(resolve));
    queue.shift()!(item);
  };
  return { batches, release, state };
}

describe('writeSseStream events', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function serve(
    batches: AsyncIterable<readonly StreamItem[]>,
  ): Promise<{ url: string; outcome: Promise<SseStreamOutcome>; aborted: Promise<void> }> {
    let resolveOutcome!: (outcome: SseStreamOutcome) => void;
    const outcome = new Promise<SseStreamOutcome>((resolve) => {
      resolveOutcome = resolve;
    });
    let resolveAborted!: () => void;
    const aborted = new Promise<void>((resolve) => {
      resolveAborted = resolve;
    });
    server = createServer((_request, response) => {
      const signal = clientAbortSignal(response);
      signal.addEventListener('abort', () => resolveAborted());
      void writeSseStream({ response, batches, signal, headers: { 'x-request-id': 'abc' } }).then(
        resolveOutcome,
      );
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, outcome, aborted };
  }

  it('sends each chunk as soon as it arrives, then [DONE]', async () => {
    const { batches, release } = controlledItems();
    const { url, outcome } = await serve(batches);
    const response = await fetch(url);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    expect(response.headers.get('x-request-id')).toBe('abc');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();

    await release({ type: 'chunk', data: { n: 1 } });
    expect((await reader.read()).value).toBe('data: {"n":1}\n\n');
    await release({ type: 'chunk', data: { n: 2 } });
    expect((await reader.read()).value).toBe('data: {"n":2}\n\n');
    await release(undefined);
    let rest = '';
    for (let step = await reader.read(); !step.done; step = await reader.read()) rest += step.value;
    expect(rest).toBe('data: [DONE]\n\n');
    expect(await outcome).toBe('completed');
  });

  it('ends with the error event, and no [DONE], when the stream fails', async () => {
    const { batches, release } = controlledItems();
    const { url, outcome } = await serve(batches);
    const response = await fetch(url);
    await release({ type: 'chunk', data: { n: 1 } });
    await release({
      type: 'error',
      error: { message: 'cut', type: 'upstream_error', code: 'upstream_connection' },
    });
    expect(await response.text()).toBe(
      'data: {"n":1}\n\ndata: {"error":{"message":"cut","type":"upstream_error","code":"upstream_connection"}}\n\n',
    );
    expect(await outcome).toBe('failed');
  });

  it('stops iterating when the client goes away', async () => {
    const { batches, release, state } = controlledItems();
    const { url, outcome, aborted } = await serve(batches);
    const controller = new AbortController();
    const response = await fetch(url, { signal: controller.signal });
    const reader = response.body!.getReader();
    await release({ type: 'chunk', data: { n: 1 } });
    await reader.read();
    controller.abort();
    await aborted;
    // An item already on its way when the client left is dropped, and iteration stops.
    await release({ type: 'chunk', data: { n: 2 } });
    expect(await outcome).toBe('client_closed');
    expect(state.returned).toBe(true);
  });
});
