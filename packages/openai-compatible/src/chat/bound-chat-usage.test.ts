import { countPromptTokens } from '@tollgate/provider-test-kit';
import { describe, expect, it } from 'vitest';
import { boundChatUsage, limitChatOutputTokens, requestedMaxTokens } from './bound-chat-usage.js';
import { createOpenAICompatibleChatHandler } from './create-openai-compatible-chat-handler.js';

const texts = [
  'Hello',
  'The quick brown fox jumps over the lazy dog. '.repeat(40),
  'Zażółć gęślą jaźń — 日本語のテキスト、中文文本，한국어 텍스트 🚀🚀🚀👩‍👩‍👧‍👦',
  '    indented\n\n\tcode();  // with whitespace runs      and    gaps',
  '1234567890'.repeat(30),
  '',
];

describe('boundChatUsage', () => {
  it('is never below a real tokenizer’s prompt count (o200k_base, with OpenAI’s message overhead)', () => {
    for (const text of texts) {
      const input = {
        messages: [
          { role: 'system', content: 'You are terse.' },
          { role: 'user', content: text },
          { role: 'assistant', content: [{ type: 'text', text }] },
        ],
        tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object' } } }],
      };
      const bound = boundChatUsage(input)!.usage.inputTokens!;
      expect(bound).toBeGreaterThanOrEqual(countPromptTokens(input));
    }
  });

  it('counts UTF-8 bytes, not UTF-16 code units', () => {
    const ascii = boundChatUsage({ messages: [{ role: 'user', content: 'aaaa' }] })!.usage.inputTokens!;
    const emoji = boundChatUsage({ messages: [{ role: 'user', content: '🚀🚀' }] })!.usage.inputTokens!;
    // Two rockets are 4 UTF-16 units but 8 bytes; four 'a' are 4 of each.
    expect(emoji - ascii).toBe(4);
  });

  it('allows for images given by URL, whose pixels are tokenized', () => {
    const withImage = boundChatUsage({
      messages: [
        { role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x.test/a.png' } }] },
      ],
    })!.usage.inputTokens!;
    expect(withImage).toBeGreaterThan(16_000);
  });

  it('reads the client’s cap and the number of sequences', () => {
    expect(boundChatUsage({ messages: [], max_tokens: 50, n: 3 })!.outputTokens).toEqual({
      requested: 50,
      sequences: 3,
    });
    expect(requestedMaxTokens({ messages: [], max_completion_tokens: 20, max_tokens: 90 })).toBe(20);
    expect(boundChatUsage({ messages: [] })!.outputTokens).toEqual({ requested: undefined, sequences: 1 });
    expect(boundChatUsage({ messages: 'nope' } as never)).toBeUndefined();
  });
});

describe('limitChatOutputTokens', () => {
  it('writes the cap under the name the client used, without changing the input given', () => {
    const input = { messages: [], max_completion_tokens: 900 };
    expect(limitChatOutputTokens({ input, maxOutputTokens: 300 })).toEqual({
      messages: [],
      max_completion_tokens: 300,
    });
    expect(input.max_completion_tokens).toBe(900);
    expect(limitChatOutputTokens({ input: { messages: [] }, maxOutputTokens: 7 })).toEqual({
      messages: [],
      max_tokens: 7,
    });
  });

  it('is the chat handler’s hook, and the limited request goes upstream', () => {
    const handler = createOpenAICompatibleChatHandler({ providerId: 'groq' });
    const limited = handler.limitOutputTokens!({
      input: { messages: [], max_tokens: 100 },
      maxOutputTokens: 5,
    });
    const request = handler.mapRequest({
      input: limited,
      context: { requestId: 'r', providerId: 'groq', hfModelId: 'm', providerModelId: 'm' },
    });
    expect((request.body as { value: { max_tokens: number } }).value.max_tokens).toBe(5);
  });
});
