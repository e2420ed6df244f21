import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_CLOSED_MESSAGE, clientAbortSignal } from './client-abort-signal.js';

/**
 * A server whose handler keeps each request's signal, answering at once or, with `?hold`, never; `agent()` gives
 * a keep-alive client connection of its own (one socket per agent), and `close()` ends them all.
 */
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
  const agents: http.Agent[] = [];
  const agent = () => {
    const made = new http.Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(made);
    return made;
  };
  /** GET `path` on `via`, resolving once the body was read (or its first byte arrived, for `?hold`). */
  const get = (path: string, via: http.Agent): Promise<http.IncomingMessage> =>
    new Promise((resolve, reject) => {
      const request = http.get({ host: '127.0.0.1', port, path, agent: via }, (response) => {
        if (path.includes('hold')) response.once('data', () => resolve(response));
        else response.resume().once('end', () => resolve(response));
      });
      request.once('error', reject);
    });
  const close = () => {
    for (const made of agents) made.destroy();
    server.close();
  };
  return { server, signals, agent, get, close };
}

describe('clientAbortSignal', () => {
  let running: Awaited<ReturnType<typeof startServer>> | undefined;
  afterEach(() => {
    running?.close();
    running = undefined;
  });

  it('gives the requests of one keep-alive connection one signal, and another connection its own', async () => {
    running = await startServer();
    const { signals, agent, get } = running;
    const keepAlive = agent();
    await get('/a', keepAlive);
    await get('/b', keepAlive);
    await get('/c', agent());
    expect(signals).toHaveLength(3);
    expect(signals[1]).toBe(signals[0]);
    expect(signals[2]).not.toBe(signals[0]);
  });

  it('aborts, with the client-closed reason, when the client leaves before the answer is complete', async () => {
    running = await startServer();
    const { signals, agent, get } = running;
    const keepAlive = agent();
    await get('/first', keepAlive);
    const held = await get('/hold', keepAlive);
    const signal = signals[1]!;
    expect(signal.aborted).toBe(false);
    const aborted = once(signal, 'abort');
    held.destroy();
    await aborted;
    expect(signal.reason).toBeInstanceOf(Error);
    expect((signal.reason as Error).message).toBe(CLIENT_CLOSED_MESSAGE);
  });

  it('does not abort when the client closes the connection after its answers were complete', async () => {
    running = await startServer();
    const { server, signals, agent, get } = running;
    const keepAlive = agent();
    const connection = once(server, 'connection') as Promise<[Socket]>;
    await get('/one', keepAlive);
    await get('/two', keepAlive);
    const [socket] = await connection;
    const closed = once(socket, 'close');
    keepAlive.destroy();
    await closed;
    expect(signals[1]).toBe(signals[0]);
    expect(signals[0]!.aborted).toBe(false);
  });

  it('gives a new connection an unaborted signal after an earlier connection was cut off', async () => {
    running = await startServer();
    const { signals, agent, get } = running;
    const held = await get('/hold', agent());
    const aborted = once(signals[0]!, 'abort');
    held.destroy();
    await aborted;
    await get('/after', agent());
    expect(signals[1]!.aborted).toBe(false);
  });
});
