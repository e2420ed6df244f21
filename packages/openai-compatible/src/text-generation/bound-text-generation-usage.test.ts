import { countTextTokens } from '@tollgate/provider-test-kit';
import { describe, expect, it } from 'vitest';
import { boundTextGenerationUsage, limitTextGenerationOutputTokens } from './bound-text-generation-usage.js';
import { createOpenAICompatibleTextGenerationHandler } from './create-openai-compatible-text-generation-handler.js';

describe('boundTextGenerationUsage', () => {
  it('bounds the prompt’s tokens by its bytes and reads max_new_tokens', () => {
    const inputs = 'Il était une fois 日本語 🚀 '.repeat(20);
    const bound = boundTextGenerationUsage({ inputs, parameters: { max_new_tokens: 20 } })!;
    expect(bound.usage.inputTokens!).toBeGreaterThanOrEqual(countTextTokens(inputs));
    expect(bound.outputTokens).toEqual({ requested: 20 });
    expect(boundTextGenerationUsage({ inputs: 'Once' })).toEqual({
      usage: { inputTokens: 12 },
      outputTokens: { requested: undefined },
    });
  });

  it('caps the output the handler sends as max_tokens', () => {
    const handler = createOpenAICompatibleTextGenerationHandler({ providerId: 'together' });
    const input = limitTextGenerationOutputTokens({
      input: { inputs: 'Once', parameters: { top_p: 0.5 } },
      maxOutputTokens: 7,
    });
    const request = handler.mapRequest({
      input,
      context: { requestId: 'r', providerId: 'together', hfModelId: 'm', providerModelId: 'm' },
    });
    expect((request.body as { value: Record<string, unknown> }).value).toMatchObject({
      max_tokens: 7,
      top_p: 0.5,
    });
    expect(handler.boundUsage).toBeTypeOf('function');
  });
});
