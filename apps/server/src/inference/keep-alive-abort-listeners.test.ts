/**
 * Every request a keep-alive connection carries shares that connection's abort signal (http/client-abort-signal.ts);
 * whatever listened on it for one request must have stopped by the time the connection carries the next.
 */
import { getEventListeners } from 'node:events';
import type { Socket } from 'node:net';
import { Client } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionAbortController } from '../http/client-abort-signal.js';
import { CHAT_MODEL, startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';

const messages = [{ role: 'user', content: 'Hi' }];

describe('one keep-alive connection, many requests', () => {
  let test: TestGateway;
  let client: Client;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    // Billing on (the default), so streams are charged and linger on their own signal.
    test = await startTestGateway();
    test.gateway.app.server.on('connection', (socket: Socket) => sockets.push(socket));
    client = new Client(test.url, { pipelining: 1, connections: 1 } as Client.Options);
  });
  afterAll(async () => {
    await client.close();
    await test.close();
  });

  const post = async (path: string, body: unknown, authorization = `Bearer ${test.token}`) => {
    const response = await client.request({
      method: 'POST',
      path,
      headers: { authorization, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.statusCode, text: await response.body.text() };
  };

  it('leaves no abort listener behind, whether the requests succeeded, failed upstream or were refused', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    const statuses: number[] = [];
    try {
      for (let round = 0; round < 4; round += 1) {
        const chat = { model: `${CHAT_MODEL}:groq`, messages, max_tokens: 8 };
        statuses.push((await post('/v1/chat/completions', chat)).status);
        statuses.push((await post('/v1/chat/completions', { ...chat, stream: true })).status);
        statuses.push(
          (
            await post('/v1/chat/completions', {
              ...chat,
              stream: true,
              stream_options: { include_usage: true },
            })
          ).status,
        );
        test.simulator.injectFault('groq', { kind: 'status', status: 500, times: 1 });
        statuses.push((await post('/v1/chat/completions', chat)).status);
        test.simulator.injectFault('groq', { kind: 'truncate', afterChunks: 2, times: 1 });
        statuses.push((await post('/v1/chat/completions', { ...chat, stream: true })).status);
        statuses.push((await post('/v1/chat/completions', '{"model":')).status);
        statuses.push((await post('/v1/chat/completions', chat, 'Bearer hf_unknown')).status);
        const native = { model: CHAT_MODEL, messages, max_tokens: 8 };
        statuses.push((await post('/groq/openai/v1/chat/completions', native)).status);
        statuses.push((await post('/groq/openai/v1/chat/completions', { ...native, stream: true })).status);
      }
    } finally {
      process.off('warning', onWarning);
      test.simulator.clearFaults();
    }
    // Answered thrice, provider failure, cut-off stream (begun: 200), bad body, bad token, native JSON and stream.
    expect(statuses).toEqual(
      Array.from({ length: 4 }, () => [200, 200, 200, 502, 200, 400, 401, 200, 200]).flat(),
    );
    // A refusal before the body was read closes its connection, so each round's ends one: five connections
    // carried the 36 requests, and each one's signal saw every listener its requests added.
    expect(sockets).toHaveLength(5);
    for (const socket of sockets) {
      const { signal } = connectionAbortController(socket);
      expect(signal.aborted).toBe(false);
      expect(getEventListeners(signal, 'abort')).toEqual([]);
    }
    expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
  });
});
