import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { taskContext, thrownBy } from '../task-fixtures.test-helpers.js';
import { mapTextGenerationRequest } from './map-text-generation-request.js';

const context = taskContext('together', 'meta-llama/Llama-3.3-70B-Instruct-Turbo');

describe('mapTextGenerationRequest', () => {
  it('sends the prompt with max_new_tokens as max_tokens and the sampling parameters', () => {
    const request = mapTextGenerationRequest(
      { providerId: 'together' },
      {
        input: {
          inputs: 'Once upon a time',
          parameters: { max_new_tokens: 10, temperature: 0.7, top_k: 40, stop: ['\n'], seed: 7 },
        },
        context,
      },
    );
    expect(request).toMatchInlineSnapshot(`
      {
        "body": {
          "kind": "json",
          "value": {
            "max_tokens": 10,
            "model": "meta-llama/Llama-3.3-70B-Instruct-Turbo",
            "prompt": "Once upon a time",
            "seed": 7,
            "stop": [
              "
      ",
            ],
            "temperature": 0.7,
            "top_k": 40,
          },
        },
        "expect": "json",
        "method": "POST",
        "path": "/v1/completions",
      }
    `);
  });

  it('uses the configured path and drops what the provider rejects', () => {
    const request = mapTextGenerationRequest(
      {
        providerId: 'groq',
        path: '/openai/v1/completions',
        unsupportedParameters: ['top_k', 'repetition_penalty'],
      },
      { input: { inputs: 'Hi', parameters: { top_k: 3, repetition_penalty: 1.1, top_p: 0.9 } }, context },
    );
    expect(request.path).toBe('/openai/v1/completions');
    expect(request.body).toEqual({
      kind: 'json',
      value: { model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', prompt: 'Hi', top_p: 0.9 },
    });
  });

  it('rejects an input without a prompt as the client error it is', () => {
    for (const input of [{}, { inputs: ['a'] }, null]) {
      const error = thrownBy(() =>
        mapTextGenerationRequest({ providerId: 'p' }, { input: input as never, context }),
      );
      expect(InputError.isInstance(error)).toBe(true);
    }
  });
});
