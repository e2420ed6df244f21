import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_CLOSED_MESSAGE, clientAbortSignal } from './client-abort-signal.js';

/** A server whose handler keeps each request's signal, answering at once or, with `?hold`, never. */
async function startServer() {
  const signals: AbortSignal[] = [];
  const server = http.createServer((request, response) => {
    signals.push(clientAbortSignal(response));
    if (request.url?.includes('hold')) response.write('partial');
    else response.end('done');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { server, port, signals };
}

/** GET `path` on `agent`, resolving with the response once its body was read (or its first byte, for `?hold`). */
function get(port: number, path: string, agent: http.Agent): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, agent }, (response) => {
      if (path.includes('hold')) response.once('data', () => resolve(response));
      else response.resume().once('end', () => resolve(response));
    });
    request.once('error', reject);
  });
}

describe('clientAbortSignal', () => {
  let close: (() => void) | undefined;
  afterEach(() => {
    close?.();
    close = undefined;
  });

  it('gives the requests of one keep-alive connection one signal, and another connection its own', async () => {
    const { server, port, signals } = await startServer();
    const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const other = new http.Agent({ keepAlive: true, maxSockets: 1 });
    close = () => {
      keepAlive.destroy();
      other.destroy();
      server.close();
    };
    await get(port, '/a', keepAlive);
    await get(port, '/b', keepAlive);
    await get(port, '/c', other);
    expect(signals).toHaveLength(3);
    expect(signals[1]).toBe(signals[0]);
    expect(signals[2]).not.toBe(signals[0]);
  });

  it('aborts, with the client-closed reason, when the client leaves before the answer is complete', async () => {
    const { server, port, signals } = await startServer();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    close = () => {
      agent.destroy();
      server.close();
    };
    await get(port, '/first', agent);
    const held = await get(port, '/hold', agent);
    const signal = signals[1]!;
    expect(signal.aborted).toBe(false);
    const aborted = once(signal, 'abort');
    held.destroy();
    await aborted;
    expect(signal.reason).toBeInstanceOf(Error);
    expect((signal.reason as Error).message).toBe(CLIENT_CLOSED_MESSAGE);
  });

  it('does not abort when the client closes the connection after its answers were complete', async () => {
    const { server, port, signals } = await startServer();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    close = () => server.close();
    const connection = once(server, 'connection') as Promise<[Socket]>;
    await get(port, '/one', agent);
    await get(port, '/two', agent);
    const [socket] = await connection;
    const closed = once(socket, 'close');
    agent.destroy();
    await closed;
    expect(signals[1]).toBe(signals[0]);
    expect(signals[0]!.aborted).toBe(false);
  });

  it('gives a new connection an unaborted signal after an earlier connection was cut off', async () => {
    const { server, port, signals } = await startServer();
    const first = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const second = new http.Agent({ keepAlive: true, maxSockets: 1 });
    close = () => {
      first.destroy();
      second.destroy();
      server.close();
    };
    const held = await get(port, '/hold', first);
    const aborted = once(signals[0]!, 'abort');
    held.destroy();
    await aborted;
    await get(port, '/after', second);
    expect(signals[1]!.aborted).toBe(false);
  });
});
