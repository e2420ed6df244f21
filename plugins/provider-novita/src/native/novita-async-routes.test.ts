import { readFileSync } from 'node:fs';
import type { NativeRequestV1, NativeRouteV1, UpstreamResponseV1 } from '@tollgate/provider-spec';
import { UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { novitaPlugin } from '../novita-plugin.js';
import { novitaAsyncRoutes, novitaModelOfPath } from './novita-async-routes.js';

const [submit, result] = novitaAsyncRoutes as [NativeRouteV1, NativeRouteV1];
const context = {
  requestId: 'req-1',
  providerId: 'novita',
  hfModelId: 'Wan-AI/Wan2.1-T2V-14B',
  providerModelId: 'wan-t2v',
};
const taskId = '2f9a6e1c-4b7d-4c3a-9e85-1d0b7c6a5f42';

const answer = (name: string): UpstreamResponseV1 => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.parse(readFileSync(new URL(`../__fixtures__/novita-${name}.json`, import.meta.url), 'utf8')),
});

function native(
  method: NativeRequestV1['method'],
  path: string,
  params: Record<string, string>,
  query: Record<string, string> = {},
  body: NativeRequestV1['body'] = { kind: 'none' },
): NativeRequestV1 {
  return { method, path, query, params, headers: {}, body };
}

describe('Novita native routes', () => {
  it('serves chat through the shared OpenAI routes, then the async submission and its result', () => {
    expect(
      novitaPlugin.nativeRoutes?.map(({ method, path, role, task }) => [method, path, role, task]),
    ).toEqual([
      ['POST', '/v3/openai/chat/completions', 'start', 'conversational'],
      ['POST', '/v3/async/*', 'start', 'text-to-video'],
      ['GET', '/v3/async/task-result', 'follow-up', undefined],
    ]);
  });

  it('names the model by the rest of the path, never task-result', () => {
    const modelOf = (rest: string) => novitaModelOfPath(native('POST', `/v3/async/${rest}`, { '*': rest }));
    expect(modelOf('wan-t2v')).toBe('wan-t2v');
    expect(modelOf('task-result')).toBeUndefined();
  });

  it('forwards the submission as sent and ties the task to its task_id', () => {
    const body = { prompt: 'A fox in the snow', width: 832, height: 480, steps: 30 };
    const request = native(
      'POST',
      '/v3/async/wan-t2v',
      { '*': 'wan-t2v' },
      {},
      { kind: 'json', value: body },
    );
    expect(submit.mapRequest({ request, context })).toEqual({
      method: 'POST',
      path: '/v3/async/wan-t2v',
      body: { kind: 'json', value: body },
      expect: 'json',
    });
    expect(submit.meterResponse!({ request, context, response: answer('video-submit') })).toEqual({
      operationId: taskId,
    });
  });

  it('reads the task named by the query, billing one clip only once it succeeded', () => {
    const request = native('GET', '/v3/async/task-result', {}, { task_id: taskId });
    expect(result.operationOf!(request)).toBe(taskId);
    expect(result.mapRequest({ request, context })).toEqual({
      method: 'GET',
      path: '/v3/async/task-result',
      query: { task_id: taskId },
      body: { kind: 'none' },
      expect: 'json',
    });
    expect(result.meterResponse!({ request, context, response: answer('video-processing') })).toEqual({});
    expect(result.meterResponse!({ request, context, response: answer('video-failed') })).toEqual({});
    expect(result.meterResponse!({ request, context, response: answer('video-succeed') })).toEqual({
      usage: { requests: 1 },
    });
  });

  it('refuses an answer that is not a task result, as the task handler does', () => {
    const request = native('GET', '/v3/async/task-result', {}, { task_id: taskId });
    const response = { status: 200, headers: {}, body: { message: 'ok' } };
    expect(() => result.meterResponse!({ request, context, response })).toThrow(UpstreamOutputError);
  });

  it("asks Novita's chat stream for usage, as the routed task does", () => {
    const chat = novitaPlugin.nativeRoutes![0]!;
    const request = native(
      'POST',
      '/v3/openai/chat/completions',
      {},
      {},
      {
        kind: 'json',
        value: {
          model: 'meta-llama/llama-3.3-70b-instruct',
          messages: [{ role: 'user', content: 'Hi' }],
          stream: true,
        },
      },
    );
    const chatContext = {
      ...context,
      hfModelId: 'meta-llama/Llama-3.3-70B-Instruct',
      providerModelId: 'meta-llama/llama-3.3-70b-instruct',
    };
    expect(chat.modelOf!(request)).toBe('meta-llama/llama-3.3-70b-instruct');
    expect(chat.mapRequest({ request, context: chatContext })).toMatchObject({
      path: '/v3/openai/chat/completions',
      body: { value: { stream_options: { include_usage: true } } },
      expect: 'sse',
    });
  });
});
