import { UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { contextFor, fixture } from '../fixtures.test-helpers.js';
import { textGenerationHandler } from './text-generation-handler.js';

const context = contextFor('HuggingFaceTB/SmolLM3-3B');
const input = {
  inputs: 'The answer to the universe is',
  parameters: { max_new_tokens: 4, temperature: 0.2, seed: 7 },
};

describe('text-generation on hf-inference', () => {
  it('posts an OpenAI completions body to the model’s /v1/completions', () => {
    expect(textGenerationHandler.mapRequest({ input, context })).toEqual({
      method: 'POST',
      path: '/models/HuggingFaceTB/SmolLM3-3B/v1/completions',
      body: {
        kind: 'json',
        value: {
          model: 'HuggingFaceTB/SmolLM3-3B',
          prompt: 'The answer to the universe is',
          max_tokens: 4,
          temperature: 0.2,
          seed: 7,
        },
      },
      expect: 'json',
    });
  });

  it('returns the completion and its finish reason, metered by compute time', () => {
    expect(textGenerationHandler.mapResponse({ input, response: fixture('completions'), context })).toEqual({
      output: { generated_text: ' forty-two.', finish_reason: 'length' },
      usage: { computeMilliseconds: 112 },
    });
  });

  it('refuses an answer without choices', () => {
    expect(() =>
      textGenerationHandler.mapResponse({
        input,
        response: { status: 200, headers: {}, body: [{ generated_text: 'x' }] },
        context,
      }),
    ).toThrow(UpstreamOutputError);
  });
});
