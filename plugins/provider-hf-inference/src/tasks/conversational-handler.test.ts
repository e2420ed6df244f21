import { describe, expect, it } from 'vitest';
import { contextFor, fixture } from '../fixtures.test-helpers.js';
import { conversationalHandler } from './conversational-handler.js';

const context = contextFor('HuggingFaceTB/SmolLM3-3B');
const input = {
  model: 'HuggingFaceTB/SmolLM3-3B',
  messages: [{ role: 'user' as const, content: 'Capital of France?' }],
};

describe('conversational on hf-inference', () => {
  it('posts OpenAI chat to the model’s own /v1/chat/completions', () => {
    expect(conversationalHandler.mapRequest({ input, context })).toEqual({
      method: 'POST',
      path: '/models/HuggingFaceTB/SmolLM3-3B/v1/chat/completions',
      body: { kind: 'json', value: { ...input, model: 'HuggingFaceTB/SmolLM3-3B' } },
      expect: 'json',
    });
  });

  it('streams with usage asked for', () => {
    const request = conversationalHandler.mapRequest({ input: { ...input, stream: true }, context });
    expect(request.expect).toBe('sse');
    expect(request.body).toMatchObject({ value: { stream: true, stream_options: { include_usage: true } } });
  });

  it('passes the completion through and meters its compute time beside the tokens', () => {
    const response = fixture('chat');
    const result = conversationalHandler.mapResponse({ input, response, context });
    expect(result.output).toBe(response.body);
    expect(result.usage).toEqual({ inputTokens: 14, outputTokens: 3, computeMilliseconds: 112 });
  });

  it('reads token usage from the last stream chunk', () => {
    const event = {
      data: JSON.stringify({
        object: 'chat.completion.chunk',
        id: '',
        created: 1764633600,
        model: 'HuggingFaceTB/SmolLM3-3B',
        choices: [],
        usage: { prompt_tokens: 14, completion_tokens: 3, total_tokens: 17 },
      }),
    };
    expect(conversationalHandler.mapStreamChunk?.({ input, event, context }).usage).toEqual({
      inputTokens: 14,
      outputTokens: 3,
    });
  });
});
