import { Dispatcher, getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { callUpstream } from './call-upstream.js';
import { type LoopbackServer, startLoopbackServer } from './loopback-server.test-helpers.js';
import { openUpstreamStream } from './open-upstream-stream.js';

/** Stands for Node's bundled undici of another major: its dispatch rejects the handler API undici 7 uses. */
class ForeignDispatcher extends Dispatcher {
  calls = 0;
  override dispatch(): boolean {
    this.calls += 1;
    throw new Error('invalid onError method');
  }
}

let server: LoopbackServer | undefined;
const original = getGlobalDispatcher();
afterEach(async () => {
  setGlobalDispatcher(original);
  await server?.close();
});

describe('provider calls without a dispatcher of their own', () => {
  it('do not use the process-wide dispatcher, which Node’s built-in fetch may have claimed', async () => {
    server = await startLoopbackServer((request, response) => {
      if (request.url === '/stream') {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.end('data: {"ok":true}\n\ndata: [DONE]\n\n');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok":true}');
    });
    const foreign = new ForeignDispatcher();
    setGlobalDispatcher(foreign);
    const target = {
      providerId: 'groq',
      baseUrl: server.origin,
      auth: { kind: 'bearer' as const },
      apiKey: 'k',
    };
    const json = await callUpstream({
      target,
      request: { method: 'POST', path: '/json', body: { kind: 'json', value: {} }, expect: 'json' },
    });
    expect(json.body).toEqual({ ok: true });
    const stream = await openUpstreamStream({
      target,
      request: { method: 'POST', path: '/stream', body: { kind: 'json', value: {} }, expect: 'sse' },
    });
    const data: string[] = [];
    for await (const event of stream.events) data.push(event.data);
    expect(data).toEqual(['{"ok":true}', '[DONE]']);
    expect(foreign.calls).toBe(0);
  });
});
