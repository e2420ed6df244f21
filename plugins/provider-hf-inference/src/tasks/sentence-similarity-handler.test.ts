import { InputError, UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { contextFor, fixture } from '../fixtures.test-helpers.js';
import { sentenceSimilarityHandler } from './sentence-similarity-handler.js';

const context = contextFor('sentence-transformers/all-MiniLM-L6-v2');
const input = {
  inputs: {
    source_sentence: 'That is a happy person',
    sentences: ['That is a happy dog', 'That is a very happy person', 'Today is a sunny day'],
  },
};

describe('sentence-similarity on hf-inference', () => {
  it('posts to the sentence-similarity pipeline', () => {
    expect(sentenceSimilarityHandler.mapRequest({ input, context })).toEqual({
      method: 'POST',
      path: '/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/sentence-similarity',
      body: { kind: 'json', value: input },
      expect: 'json',
    });
    expect(() =>
      sentenceSimilarityHandler.mapRequest({
        input: { inputs: { source_sentence: 'x', sentences: [] } },
        context,
      }),
    ).toThrow(InputError);
  });

  it('returns one score per sentence', () => {
    expect(
      sentenceSimilarityHandler.mapResponse({ input, response: fixture('sentence-similarity'), context }),
    ).toEqual({
      output: [0.6623499989509583, 0.9382343292236328, 0.2296334058046341],
      usage: { computeMilliseconds: 19 },
    });
  });

  it('refuses a score list of the wrong length', () => {
    expect(() =>
      sentenceSimilarityHandler.mapResponse({
        input,
        response: { status: 200, headers: {}, body: [0.5] },
        context,
      }),
    ).toThrow(UpstreamOutputError);
  });
});
