import { readFileSync } from 'node:fs';
import type { NativeRequestV1, NativeRouteV1, UpstreamResponseV1 } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { zaiOrgPlugin } from '../zai-org-plugin.js';
import { zaiOrgImageRoutes } from './zai-org-image-routes.js';

const [submit, result] = zaiOrgImageRoutes as [NativeRouteV1, NativeRouteV1];
const context = {
  requestId: 'req-1',
  providerId: 'zai-org',
  hfModelId: 'zai-org/GLM-Image',
  providerModelId: 'glm-image',
};
const taskId = '8120000053284195428-9038725514112349123';

const answer = (name: string): UpstreamResponseV1 => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.parse(readFileSync(new URL(`../__fixtures__/zai-org-${name}.json`, import.meta.url), 'utf8')),
});

function native(
  method: NativeRequestV1['method'],
  path: string,
  params: Record<string, string>,
  body: NativeRequestV1['body'] = { kind: 'none' },
): NativeRequestV1 {
  return { method, path, query: {}, params, headers: {}, body };
}

describe('Z.ai native routes', () => {
  it('serves chat through the shared OpenAI routes, then the async image task and its result', () => {
    expect(
      zaiOrgPlugin.nativeRoutes?.map(({ method, path, role, task }) => [method, path, role, task]),
    ).toEqual([
      ['POST', '/api/paas/v4/chat/completions', 'start', 'conversational'],
      ['POST', '/api/paas/v4/async/images/generations', 'start', 'text-to-image'],
      ['GET', '/api/paas/v4/async-result/:id', 'follow-up', undefined],
    ]);
  });

  it('reads the model from the body and forwards the submission as sent', () => {
    const body = { model: 'glm-image', prompt: 'A kitten on a windowsill', size: '1568x1056' };
    const request = native(
      'POST',
      '/api/paas/v4/async/images/generations',
      {},
      { kind: 'json', value: body },
    );
    expect(submit.modelOf!(request)).toBe('glm-image');
    expect(submit.mapRequest({ request, context })).toEqual({
      method: 'POST',
      path: '/api/paas/v4/async/images/generations',
      body: { kind: 'json', value: body },
      expect: 'json',
    });
  });

  it('ties a PROCESSING task to its id, and bills nothing for it yet', () => {
    const request = native('POST', '/api/paas/v4/async/images/generations', {});
    expect(submit.meterResponse!({ request, context, response: answer('image-submit') })).toEqual({
      operationId: taskId,
    });
  });

  it('bills a task that succeeded inside the submission there, handing on no operation', () => {
    const request = native('POST', '/api/paas/v4/async/images/generations', {});
    const response = answer('image-success');
    const finished = { ...response, body: { ...(response.body as object), id: taskId } };
    expect(submit.meterResponse!({ request, context, response: finished })).toEqual({ usage: { images: 1 } });
  });

  it('reads the task its path names, billing the images once it succeeded', () => {
    const request = native('GET', `/api/paas/v4/async-result/${taskId}`, { id: taskId });
    expect(result.operationOf!(request)).toBe(taskId);
    expect(result.mapRequest({ request, context })).toEqual({
      method: 'GET',
      path: `/api/paas/v4/async-result/${taskId}`,
      body: { kind: 'none' },
      expect: 'json',
    });
    expect(result.meterResponse!({ request, context, response: answer('image-processing') })).toEqual({});
    expect(result.meterResponse!({ request, context, response: answer('image-fail') })).toEqual({});
    expect(result.meterResponse!({ request, context, response: answer('image-success') })).toEqual({
      usage: { images: 1 },
    });
  });

  it("applies the chat quirks of the routed task and asks Z.ai's stream for usage", () => {
    const chat = zaiOrgPlugin.nativeRoutes![0]!;
    const request = native(
      'POST',
      '/api/paas/v4/chat/completions',
      {},
      {
        kind: 'json',
        value: { model: 'glm-4.7', messages: [{ role: 'user', content: 'Hi' }], stream: true },
      },
    );
    const chatContext = { ...context, hfModelId: 'zai-org/GLM-4.7', providerModelId: 'glm-4.7' };
    expect(chat.mapRequest({ request, context: chatContext })).toMatchObject({
      path: '/api/paas/v4/chat/completions',
      body: { value: { model: 'glm-4.7', stream_options: { include_usage: true } } },
      expect: 'sse',
    });
  });
});
