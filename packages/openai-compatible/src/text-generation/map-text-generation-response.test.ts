import { UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { loadTaskFixture, thrownBy } from '../task-fixtures.test-helpers.js';
import { mapTextGenerationResponse } from './map-text-generation-response.js';

describe('mapTextGenerationResponse', () => {
  it('reads a Together completion: the continuation, why it stopped, and its tokens', () => {
    const result = mapTextGenerationResponse(
      { providerId: 'together' },
      { response: loadTaskFixture('text-generation', 'together-completion.json') },
    );
    expect(result).toEqual({
      output: {
        generated_text: ' there was a lighthouse keeper who counted ships.',
        finish_reason: 'length',
      },
      usage: { inputTokens: 5, outputTokens: 10 },
    });
  });

  it('reads a DeepInfra completion, leaving its float cost estimate aside', () => {
    const result = mapTextGenerationResponse(
      { providerId: 'deepinfra' },
      { response: loadTaskFixture('text-generation', 'deepinfra-completion.json') },
    );
    expect(result.output).toEqual({ generated_text: ' the sea was calm.', finish_reason: 'stop' });
    expect(result.usage).toEqual({ inputTokens: 6, outputTokens: 6 });
  });

  it('meters nothing when the provider reports no usage', () => {
    const response = { status: 200, headers: {}, body: { choices: [{ text: 'x' }] } };
    expect(mapTextGenerationResponse({ providerId: 'p' }, { response })).toEqual({
      output: { generated_text: 'x' },
      usage: {},
    });
  });

  it.each([
    [{ choices: [] }, 'p returned a completion that cannot be used: it has no text choice'],
    [
      { choices: [{ message: { content: 'chat?' } }] },
      'p returned a completion that cannot be used: it has no text choice',
    ],
    [
      { error: { message: 'model not found' } },
      'p returned a completion that cannot be used: model not found',
    ],
    [null, 'p returned a completion that cannot be used: it has no text choice'],
  ])('rejects %j as an UpstreamOutputError', (body, message) => {
    const error = thrownBy(() =>
      mapTextGenerationResponse({ providerId: 'p' }, { response: { status: 200, headers: {}, body } }),
    );
    expect(UpstreamOutputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(message);
  });
});
