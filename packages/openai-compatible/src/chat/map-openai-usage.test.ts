import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { mapOpenAIUsage } from './map-openai-usage.js';

// V8's own check of whether two objects share a hidden class (map); natives syntax is parsed once it is allowed.
setFlagsFromString('--allow-natives-syntax');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (
  a: unknown,
  b: unknown,
) => boolean;

describe('mapOpenAIUsage', () => {
  it('maps prompt, completion and cached tokens', () => {
    expect(
      mapOpenAIUsage({
        prompt_tokens: 69,
        completion_tokens: 59,
        total_tokens: 128,
        prompt_tokens_details: { cached_tokens: 64 },
      }),
    ).toEqual({ inputTokens: 69, outputTokens: 59, cachedInputTokens: 64 });
  });

  it('leaves out what is missing or not a count, never guessing', () => {
    expect(mapOpenAIUsage({ prompt_tokens: 14, prompt_tokens_details: null })).toEqual({ inputTokens: 14 });
    expect(mapOpenAIUsage({ prompt_tokens: -1, completion_tokens: 2.5, total_tokens: 9 })).toBeUndefined();
    expect(mapOpenAIUsage({ prompt_tokens: '14', completion_tokens: 3 })).toEqual({ outputTokens: 3 });
  });

  it('returns undefined for no usage at all', () => {
    expect(mapOpenAIUsage(null)).toBeUndefined();
    expect(mapOpenAIUsage(undefined)).toBeUndefined();
    expect(mapOpenAIUsage({})).toBeUndefined();
    expect(mapOpenAIUsage('12 tokens')).toBeUndefined();
  });

  it('gives every usage of one shape the same hidden class, so that pricing reads it through a warm cache', () => {
    const usages = Array.from({ length: 100 }, (_, index) =>
      mapOpenAIUsage({ prompt_tokens: index, completion_tokens: 7, total_tokens: index + 7 }),
    );
    expect(usages.every((usage) => haveSameMap(usage, usages[0]))).toBe(true);
  });
});
