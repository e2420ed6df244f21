import { Agent, type Dispatcher } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatchStreamed } from './dispatch-streamed.js';
import { delay, type LoopbackServer, startLoopbackServer } from './loopback-server.test-helpers.js';

let server: LoopbackServer | undefined;
let dispatcher: Dispatcher | undefined;

afterEach(async () => {
  await dispatcher?.close();
  await server?.close();
  server = undefined;
  dispatcher = undefined;
});

const get = (origin: string, signal?: AbortSignal) =>
  dispatchStreamed(
    { origin, path: '/', method: 'GET' },
    { ...(dispatcher ? { dispatcher } : {}), ...(signal ? { signal } : {}) },
  );

describe('dispatchStreamed', () => {
  it('hands over the body chunk by chunk, in order, and ends', async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(201, { 'x-Custom': 'yes' });
      response.write('one,');
      setTimeout(() => response.end('two'), 10);
    });
    const { statusCode, headers, body } = await get(server.origin);
    expect(statusCode).toBe(201);
    expect(headers['x-custom']).toBe('yes');
    let text = '';
    for await (const chunk of body) text += chunk.toString();
    expect(text).toBe('one,two');
  });

  it('hands over what one socket read brought as one chunk, however many chunks the upstream wrote', async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      // Twenty chunked-encoding chunks in one socket write: one read for the gateway, twenty parser callbacks.
      response.socket?.cork();
      for (let n = 0; n < 20; n += 1) response.write(`data: ${n}\n\n`);
      response.end();
      response.socket?.uncork();
    });
    const { body } = await get(server.origin);
    const parts: string[] = [];
    for await (const part of body) parts.push(part.toString());
    expect(parts.join('')).toBe(Array.from({ length: 20 }, (_, n) => `data: ${n}\n\n`).join(''));
    expect(parts.length).toBeLessThanOrEqual(2);
  });

  it('stops reading from the socket while the consumer is behind, so a fast upstream is not buffered', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    let written = 0;
    let fullSocketSeen = false;
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200);
      const pump = () => {
        while (written < 2000) {
          written += 1;
          if (!response.write(chunk)) {
            fullSocketSeen = true;
            response.once('drain', pump);
            return;
          }
        }
        response.end();
      };
      pump();
    });
    const { body } = await get(server.origin);
    await delay(200);
    // Unread: the server filled the socket and stopped long before its 2000 chunks (128 MB).
    expect(fullSocketSeen).toBe(true);
    expect(written).toBeLessThan(200);
    let bytes = 0;
    for await (const part of body) bytes += part.length;
    expect(bytes).toBe(2000 * chunk.length);
  });

  it('rejects the pending read when the signal aborts after the headers, and closes the connection', async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200);
      response.write('first');
    });
    const controller = new AbortController();
    const { body } = await get(server.origin, controller.signal);
    const iterator = body[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.toString()).toBe('first');
    const pending = iterator.next();
    controller.abort(new Error('client left'));
    await expect(pending).rejects.toThrow('client left');
    await server.socketClosed(0);
  });

  it('aborts a request that was still waiting for a connection when the signal fired', async () => {
    server = await startLoopbackServer((_request, response) => {
      setTimeout(() => response.end('late'), 100);
    });
    // One connection: the second request queues behind the first.
    dispatcher = new Agent({ connections: 1, pipelining: 1 });
    const first = get(server.origin);
    const controller = new AbortController();
    const second = get(server.origin, controller.signal);
    controller.abort(new Error('gone while queued'));
    await expect(second).rejects.toThrow('gone while queued');
    const { body } = await first;
    for await (const _ of body) {
      // drain
    }
    expect(server.requests).toHaveLength(1);
  });

  it('closes the connection when the reader stops early', async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200);
      response.write('a');
    });
    const { body } = await get(server.origin);
    for await (const part of body) {
      expect(part.toString()).toBe('a');
      break;
    }
    await server.socketClosed(0);
  });
});
