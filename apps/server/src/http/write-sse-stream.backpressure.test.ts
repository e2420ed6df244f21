import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { StreamItem } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { writeSseStream } from './write-sse-stream.js';

/** A response whose socket buffer is always full: every write asks the writer to wait for 'drain'. */
class FullResponse extends EventEmitter {
  readonly written: string[] = [];
  destroyed = false;
  ended = false;
  writeHead(): this {
    return this;
  }
  flushes = 0;
  flushHeaders(): void {
    this.flushes += 1;
  }
  corks = 0;
  uncorks = 0;
  cork(): void {
    this.corks += 1;
  }
  uncork(): void {
    this.uncorks += 1;
  }
  write(data: string): boolean {
    this.written.push(data);
    return false;
  }
  endedWhileCorked = false;
  end(): void {
    this.ended = true;
    this.endedWhileCorked = this.corks > this.uncorks;
  }
}

/** A response that always has room, recording which writes happened while corked. */
class RoomyResponse extends FullResponse {
  readonly batches: string[][] = [];
  private depth = 0;
  override cork(): void {
    super.cork();
    this.depth += 1;
    this.batches.push([]);
  }
  override uncork(): void {
    super.uncork();
    this.depth -= 1;
  }
  override write(data: string): boolean {
    this.written.push(data);
    if (this.depth > 0) this.batches.at(-1)!.push(data);
    return true;
  }
}

describe('writeSseStream batching', () => {
  it('writes the events of one batch at once, and what follows in the same tick in the same corked write', async () => {
    const response = new RoomyResponse();
    async function* batches(): AsyncGenerator<readonly StreamItem[]> {
      yield [
        { type: 'chunk', data: { n: 1 } },
        { type: 'chunk', data: { n: 2 } },
      ];
      yield [{ type: 'chunk', data: { n: 3 } }];
      await new Promise((resolve) => setTimeout(resolve, 10));
      yield [{ type: 'chunk', data: { n: 4 } }];
    }
    const outcome = await writeSseStream({
      response: response as unknown as ServerResponse,
      batches: batches(),
      signal: new AbortController().signal,
    });
    expect(outcome).toBe('completed');
    expect(response.batches).toEqual([
      ['data: {"n":1}\n\ndata: {"n":2}\n\n', 'data: {"n":3}\n\n'],
      ['data: {"n":4}\n\n', 'data: [DONE]\n\n'],
    ]);
    expect(response.uncorks).toBe(response.corks);
    // The headers leave with the first batch, and the end of the body with the last write: no write of their own.
    expect(response.flushes).toBe(0);
    expect(response.endedWhileCorked).toBe(true);
  });

  it('keeps the headers for a first batch that waits only for work this turn already queued (a ledger commit)', async () => {
    const response = new RoomyResponse();
    async function* batches(): AsyncGenerator<readonly StreamItem[]> {
      await new Promise((resolve) => setImmediate(resolve));
      yield [{ type: 'chunk', data: { n: 1 } }];
    }
    const outcome = await writeSseStream({
      response: response as unknown as ServerResponse,
      batches: batches(),
      signal: new AbortController().signal,
    });
    expect(outcome).toBe('completed');
    expect(response.flushes).toBe(0);
    expect(response.batches).toEqual([['data: {"n":1}\n\n', 'data: [DONE]\n\n']]);
    expect(response.uncorks).toBe(response.corks);
  });

  it('sends the headers alone within a turn of the event loop when the first batch is not there yet', async () => {
    const response = new RoomyResponse();
    let flushesBeforeFirstBatch = -1;
    async function* batches(): AsyncGenerator<readonly StreamItem[]> {
      await new Promise((resolve) => setTimeout(resolve, 10));
      flushesBeforeFirstBatch = response.flushes;
      yield [{ type: 'chunk', data: { n: 1 } }];
    }
    const outcome = await writeSseStream({
      response: response as unknown as ServerResponse,
      batches: batches(),
      signal: new AbortController().signal,
    });
    expect(outcome).toBe('completed');
    expect(flushesBeforeFirstBatch).toBe(1);
    expect(response.written).toEqual(['data: {"n":1}\n\n', 'data: [DONE]\n\n']);
  });
});

describe('writeSseStream backpressure', () => {
  it('pulls the next batch only after the client drained the previous one', async () => {
    const response = new FullResponse();
    let pulled = 0;
    async function* batches(): AsyncGenerator<readonly StreamItem[]> {
      for (let n = 1; n <= 2; n += 1) {
        pulled += 1;
        yield [{ type: 'chunk', data: { n } }];
      }
    }
    const done = writeSseStream({
      response: response as unknown as ServerResponse,
      batches: batches(),
      signal: new AbortController().signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pulled).toBe(1);
    expect(response.written).toEqual(['data: {"n":1}\n\n']);

    response.emit('drain');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pulled).toBe(2);
    response.emit('drain');
    await new Promise((resolve) => setTimeout(resolve, 20));
    response.emit('drain');
    expect(await done).toBe('completed');
    expect(response.written).toEqual(['data: {"n":1}\n\n', 'data: {"n":2}\n\n', 'data: [DONE]\n\n']);
    expect(response.ended).toBe(true);
  });

  it('stops waiting when the connection closes instead of draining', async () => {
    const response = new FullResponse();
    async function* batches(): AsyncGenerator<readonly StreamItem[]> {
      yield [{ type: 'chunk', data: { n: 1 } }];
      yield [{ type: 'chunk', data: { n: 2 } }];
    }
    const done = writeSseStream({
      response: response as unknown as ServerResponse,
      batches: batches(),
      signal: new AbortController().signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    response.destroyed = true;
    response.emit('close');
    expect(await done).toBe('client_closed');
    expect(response.written).toEqual(['data: {"n":1}\n\n']);
  });
});
