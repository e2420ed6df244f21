import { UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { contextFor, fixture } from '../fixtures.test-helpers.js';
import { fillMaskHandler } from './fill-mask-handler.js';

const context = contextFor('google-bert/bert-base-uncased');
const input = { inputs: '[MASK] world!', parameters: { top_k: 5 } };

describe('fill-mask on hf-inference', () => {
  it('posts the masked text', () => {
    expect(fillMaskHandler.mapRequest({ input, context })).toMatchObject({
      path: '/models/google-bert/bert-base-uncased',
      body: { kind: 'json', value: input },
    });
  });

  it('returns the predictions in order', () => {
    const { output, usage } = fillMaskHandler.mapResponse({ input, response: fixture('fill-mask'), context });
    expect(output).toHaveLength(5);
    expect(output[0]).toEqual({
      sequence: 'the world!',
      score: 0.2910905182361603,
      token: 1996,
      token_str: 'the',
    });
    expect(usage).toEqual({ computeMilliseconds: 27 });
  });

  it('explains the nested answer of a text with two masks', () => {
    const predictions = fixture('fill-mask').body as unknown[];
    expect(() =>
      fillMaskHandler.mapResponse({
        input,
        response: { status: 200, headers: {}, body: [predictions, predictions] },
        context,
      }),
    ).toThrow(/more than one mask/);
  });

  it('refuses predictions without a token', () => {
    expect(() =>
      fillMaskHandler.mapResponse({
        input,
        response: { status: 200, headers: {}, body: [{ sequence: 'the world!', score: 0.3 }] },
        context,
      }),
    ).toThrow(UpstreamOutputError);
  });
});
