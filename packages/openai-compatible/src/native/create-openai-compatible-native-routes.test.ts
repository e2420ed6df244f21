import type { NativeRequestV1 } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { createOpenAICompatibleNativeRoutes } from './create-openai-compatible-native-routes.js';

const context = {
  requestId: 'req-1',
  providerId: 'groq',
  hfModelId: 'openai/gpt-oss-120b',
  providerModelId: 'openai/gpt-oss-120b',
};

const native = (body: unknown, path = '/openai/v1/chat/completions'): NativeRequestV1 => ({
  method: 'POST',
  path,
  query: {},
  params: {},
  headers: {},
  body: { kind: 'json', value: body },
});

const [chat, completions, embeddings] = createOpenAICompatibleNativeRoutes({
  providerId: 'groq',
  path: '/openai/v1/chat/completions',
  unsupportedParameters: ['store'],
  textGeneration: { path: '/openai/v1/completions' },
  featureExtraction: {},
});

describe('createOpenAICompatibleNativeRoutes', () => {
  it('declares chat, completions and embeddings at the provider paths', () => {
    expect([chat, completions, embeddings].map((route) => [route?.method, route?.path, route?.task])).toEqual(
      [
        ['POST', '/openai/v1/chat/completions', 'conversational'],
        ['POST', '/openai/v1/completions', 'text-generation'],
        ['POST', '/v1/embeddings', 'feature-extraction'],
      ],
    );
  });

  it('reads the provider model id from the body', () => {
    expect(chat!.modelOf!(native({ model: 'openai/gpt-oss-120b', messages: [] }))).toBe(
      'openai/gpt-oss-120b',
    );
    expect(chat!.modelOf!(native({ messages: [] }))).toBeUndefined();
  });

  it("forwards a chat body with the provider's quirks applied, asking a stream for usage", () => {
    const request = native({
      model: 'openai/gpt-oss-120b',
      messages: [{ role: 'user', content: 'Hi' }],
      store: true,
      stream: true,
    });
    expect(chat!.mapRequest({ request, context })).toEqual({
      method: 'POST',
      path: '/openai/v1/chat/completions',
      body: {
        kind: 'json',
        value: {
          model: 'openai/gpt-oss-120b',
          messages: [{ role: 'user', content: 'Hi' }],
          stream: true,
          stream_options: { include_usage: true },
        },
      },
      expect: 'sse',
    });
  });

  it('forwards a completions body as sent, and an embeddings body as JSON', () => {
    const streamed = completions!.mapRequest({
      request: native({ model: 'm', prompt: 'Once', stream: true }, '/openai/v1/completions'),
      context,
    });
    expect(streamed).toMatchObject({
      path: '/openai/v1/completions',
      body: { value: { model: 'm', prompt: 'Once', stream: true, stream_options: { include_usage: true } } },
      expect: 'sse',
    });
    const embedded = embeddings!.mapRequest({
      request: native({ model: 'e', input: ['a', 'b'] }, '/v1/embeddings'),
      context,
    });
    expect(embedded).toMatchObject({ body: { value: { model: 'e', input: ['a', 'b'] } }, expect: 'json' });
  });

  it('meters a JSON answer from its usage, and nothing from an answer without one', () => {
    const response = {
      status: 200,
      headers: {},
      body: { choices: [], usage: { prompt_tokens: 12, completion_tokens: 3 } },
    };
    expect(chat!.meterResponse!({ request: native({}), context, response })).toEqual({
      usage: { inputTokens: 12, outputTokens: 3 },
    });
    expect(
      embeddings!.meterResponse!({
        request: native({}),
        context,
        response: { ...response, body: { data: [] } },
      }),
    ).toEqual({});
  });

  it('meters the usage chunk of a stream without showing it to a client that did not ask for it', () => {
    const request = native({ model: 'm', messages: [], stream: true });
    const usageChunk = {
      data: JSON.stringify({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 7 } }),
    };
    expect(chat!.mapStreamEvent!({ request, context, event: usageChunk })).toEqual({
      usage: { inputTokens: 5, outputTokens: 7 },
    });
    const askedRequest = native({
      model: 'm',
      messages: [],
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(chat!.mapStreamEvent!({ request: askedRequest, context, event: usageChunk })).toMatchObject({
      emit: usageChunk.data,
    });
    expect(chat!.mapStreamEvent!({ request, context, event: { data: '[DONE]' } })).toEqual({ done: true });
  });
});
