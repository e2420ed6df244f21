import { UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it, vi } from 'vitest';
import type { ChatCompletionRequest } from './chat-completion-types.js';
import { mapChatStreamChunk } from './map-chat-stream-chunk.js';

const input: ChatCompletionRequest = { messages: [{ role: 'user', content: 'Hi' }], stream: true };
const map = (data: string, event?: string) =>
  mapChatStreamChunk({ providerId: 'together' }, { input, event: { data, ...(event ? { event } : {}) } });

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('mapChatStreamChunk events', () => {
  it('ends the stream on [DONE]', () => {
    expect(map('[DONE]')).toEqual({ done: true });
    expect(map(' [DONE] ')).toEqual({ done: true });
  });

  it('ignores empty keep-alive data', () => {
    expect(map('')).toEqual({});
  });

  it('emits a content chunk as it came', () => {
    const chunk = {
      id: 'c1',
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: null }],
    };
    // Unchanged, so it goes out as the provider's own text rather than being serialised again.
    expect(map(JSON.stringify(chunk))).toEqual({ emit: JSON.stringify(chunk) });
  });

  it('passes a chunk that names neither usage nor an error without parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const data = '{"id":"c2","choices":[{"index":0,"delta":{"content":"the \\"usage\\" word"}}]}';
      expect(map(data)).toEqual({ emit: data });
      expect(parse).not.toHaveBeenCalled();
      // A chunk that does carry usage is read, whatever else it holds.
      map('{"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":2}}');
      expect(parse).toHaveBeenCalledTimes(1);
    } finally {
      parse.mockRestore();
    }
  });

  it('reports an OpenAI-style error payload', () => {
    expect(
      map('{"error":{"message":"Input validation error","type":"invalid_request_error","code":400}}'),
    ).toEqual({
      error: { message: 'Input validation error', type: 'invalid_request_error', code: '400' },
    });
  });

  it('reports a string error, a vLLM error object and an error event', () => {
    expect(map('{"error":"overloaded"}')).toEqual({ error: { message: 'overloaded' } });
    expect(map('{"object":"error","message":"too long","type":"BadRequestError","code":400}')).toEqual({
      error: { message: 'too long', type: 'BadRequestError', code: '400' },
    });
    expect(map('{"detail":"internal"}', 'error')).toEqual({ error: { message: 'internal' } });
  });

  it('throws an UpstreamOutputError for data that is not JSON or not an object', () => {
    const garbled = thrown(() => map('{"choices":[{'));
    expect(UpstreamOutputError.isInstance(garbled)).toBe(true);
    expect((garbled as Error).message).toBe('together sent a stream chunk that is not JSON: {"choices":[{');
    expect(UpstreamOutputError.isInstance(thrown(() => map('42')))).toBe(true);
    expect(UpstreamOutputError.isInstance(thrown(() => map('[1,2]')))).toBe(true);
  });
});
