import { UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { contextFor, fixture } from '../fixtures.test-helpers.js';
import { tokenClassificationHandler } from './token-classification-handler.js';

const context = contextFor('dslim/bert-base-NER');
const input = {
  inputs: 'My name is Sarah Jessica Parker but you can call me Jessica',
  parameters: { aggregation_strategy: 'simple' as const },
};

describe('token-classification on hf-inference', () => {
  it('posts the text and parameters to the model route', () => {
    expect(tokenClassificationHandler.mapRequest({ input, context })).toMatchObject({
      path: '/models/dslim/bert-base-NER',
      body: { kind: 'json', value: input },
    });
  });

  it('returns the entities with their offsets', () => {
    const result = tokenClassificationHandler.mapResponse({
      input,
      response: fixture('token-classification'),
      context,
    });
    expect(result.output).toEqual([
      { entity_group: 'PER', score: 0.9991335868835449, word: 'Sarah Jessica Parker', start: 11, end: 31 },
      { entity_group: 'PER', score: 0.9979913234710693, word: 'Jessica', start: 52, end: 59 },
    ]);
    expect(result.usage).toEqual({ computeMilliseconds: 34 });
  });

  it('keeps per-token labels and drops the null offsets some tokenizers give', () => {
    const result = tokenClassificationHandler.mapResponse({
      input,
      response: {
        status: 200,
        headers: {},
        body: [{ entity: 'B-PER', score: 0.99, index: 4, word: 'Sarah', start: null, end: null }],
      },
      context,
    });
    expect(result.output).toEqual([{ entity: 'B-PER', score: 0.99, word: 'Sarah' }]);
  });

  it('refuses entities without a label', () => {
    expect(() =>
      tokenClassificationHandler.mapResponse({
        input,
        response: { status: 200, headers: {}, body: [{ score: 0.9, word: 'Sarah' }] },
        context,
      }),
    ).toThrow(UpstreamOutputError);
  });
});
