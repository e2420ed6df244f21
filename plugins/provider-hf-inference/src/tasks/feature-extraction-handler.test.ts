import { InputError, UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { contextFor, fixture } from '../fixtures.test-helpers.js';
import { featureExtractionHandler } from './feature-extraction-handler.js';

const context = contextFor('sentence-transformers/all-MiniLM-L6-v2');
const respond = (body: unknown) => ({ status: 200, headers: {}, body });

describe('feature-extraction on hf-inference', () => {
  it('posts to the feature-extraction pipeline with the options beside inputs', () => {
    expect(
      featureExtractionHandler.mapRequest({
        input: { inputs: ['Hello', 'World'], parameters: { normalize: true, truncate: true } },
        context,
      }),
    ).toEqual({
      method: 'POST',
      path: '/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/feature-extraction',
      body: { kind: 'json', value: { inputs: ['Hello', 'World'], normalize: true, truncate: true } },
      expect: 'json',
    });
  });

  it('refuses dimensions and empty inputs', () => {
    expect(() =>
      featureExtractionHandler.mapRequest({
        input: { inputs: 'x', parameters: { dimensions: 128 } },
        context,
      }),
    ).toThrow(InputError);
    expect(() => featureExtractionHandler.mapRequest({ input: { inputs: [] }, context })).toThrow(InputError);
    expect(() => featureExtractionHandler.mapRequest({ input: { inputs: ['a', ''] }, context })).toThrow(
      InputError,
    );
  });

  it('returns one 384-dimension vector per text and meters the compute time', () => {
    const result = featureExtractionHandler.mapResponse({
      input: { inputs: ['Hello', 'World'] },
      response: fixture('feature-extraction'),
      context,
    });
    expect(result.output.embeddings).toHaveLength(2);
    expect(result.output.embeddings.map((vector) => vector.length)).toEqual([384, 384]);
    expect(result.usage).toEqual({ computeMilliseconds: 12 });
  });

  it('wraps the flat vector of one text, and unwraps [[vector]] per text', () => {
    expect(
      featureExtractionHandler.mapResponse({
        input: { inputs: 'Hi' },
        response: respond([0.6, 0.8]),
        context,
      }).output,
    ).toEqual({ embeddings: [[0.6, 0.8]] });
    expect(
      featureExtractionHandler.mapResponse({
        input: { inputs: 'Hi' },
        response: respond([[0.6, 0.8]]),
        context,
      }).output,
    ).toEqual({ embeddings: [[0.6, 0.8]] });
    expect(
      featureExtractionHandler.mapResponse({
        input: { inputs: ['a', 'b'] },
        response: respond([[[1, 0]], [[0, 1]]]),
        context,
      }).output,
    ).toEqual({
      embeddings: [
        [1, 0],
        [0, 1],
      ],
    });
  });

  it('refuses token-level vectors and a count that does not match the inputs', () => {
    const tokens = [
      [
        [1, 0],
        [0, 1],
        [1, 1],
      ],
    ];
    expect(() =>
      featureExtractionHandler.mapResponse({ input: { inputs: ['a'] }, response: respond(tokens), context }),
    ).toThrow(/one per token/);
    expect(() =>
      featureExtractionHandler.mapResponse({
        input: { inputs: 'a' },
        response: respond([
          [1, 0],
          [0, 1],
        ]),
        context,
      }),
    ).toThrow(UpstreamOutputError);
  });
});
