import type { Dispatcher } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUpstreamDispatcher } from './create-upstream-dispatcher.js';
import { type LoopbackServer, startLoopbackServer } from './loopback-server.test-helpers.js';
import { sendUpstreamRequest } from './send-upstream-request.js';

let server: LoopbackServer;
let dispatcher: Dispatcher;

beforeEach(async () => {
  dispatcher = createUpstreamDispatcher();
  server = await startLoopbackServer((_request, response) => response.end('ok'));
});

afterEach(async () => {
  await dispatcher.close();
  await server.close();
});

describe('sendUpstreamRequest', () => {
  it('merges headers case-insensitively; the request wins over settings, and the host auth wins over both', async () => {
    const response = await sendUpstreamRequest({
      target: {
        providerId: 'zai-org',
        baseUrl: server.origin,
        auth: { kind: 'bearer' },
        apiKey: 'real-key',
        headers: { 'X-Source-Channel': 'hugging_face', 'Accept-Language': 'en-US,en' },
      },
      request: {
        method: 'POST',
        path: '/api/paas/v4/chat/completions',
        headers: {
          'accept-language': 'fr',
          Authorization: 'Bearer forged',
          'Content-Type': 'application/json; charset=utf-8',
        },
        body: { kind: 'json', value: { a: 1 } },
        expect: 'sse',
      },
      dispatcher,
    });
    response.body.destroy();
    expect(server.requests[0]?.headers).toMatchObject({
      'x-source-channel': 'hugging_face',
      'accept-language': 'fr',
      authorization: 'Bearer real-key',
      'content-type': 'application/json; charset=utf-8',
      accept: 'text/event-stream',
    });
  });

  it('serialises an undefined JSON value as null rather than sending no body', async () => {
    const response = await sendUpstreamRequest({
      target: { providerId: 'p', baseUrl: server.origin, auth: { kind: 'none' } },
      request: { method: 'POST', path: '/x', body: { kind: 'json', value: undefined }, expect: 'json' },
      dispatcher,
    });
    response.body.destroy();
    expect(server.requests[0]?.body.toString()).toBe('null');
  });
});
