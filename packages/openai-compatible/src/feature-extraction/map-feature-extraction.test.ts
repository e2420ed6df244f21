import { InputError, UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { loadTaskFixture, taskContext, thrownBy } from '../task-fixtures.test-helpers.js';
import { mapFeatureExtractionRequest } from './map-feature-extraction-request.js';
import { mapFeatureExtractionResponse } from './map-feature-extraction-response.js';

const context = taskContext('scaleway', 'bge-multilingual-gemma2', 'BAAI/bge-multilingual-gemma2');

describe('mapFeatureExtractionRequest', () => {
  it('sends the texts as input, with dimensions when asked', () => {
    expect(
      mapFeatureExtractionRequest(
        { providerId: 'scaleway' },
        { input: { inputs: ['a', 'b'], parameters: { dimensions: 256, normalize: true } }, context },
      ),
    ).toMatchInlineSnapshot(`
      {
        "body": {
          "kind": "json",
          "value": {
            "dimensions": 256,
            "input": [
              "a",
              "b",
            ],
            "model": "bge-multilingual-gemma2",
          },
        },
        "expect": "json",
        "method": "POST",
        "path": "/v1/embeddings",
      }
    `);
  });

  it('forwards normalize and truncate only to providers that take them', () => {
    const request = mapFeatureExtractionRequest(
      { providerId: 'p', path: '/v1/openai/embeddings', forwardParameters: ['normalize'] },
      { input: { inputs: 'hi', parameters: { normalize: false, truncate: true } }, context },
    );
    expect(request.path).toBe('/v1/openai/embeddings');
    expect(request.body).toEqual({
      kind: 'json',
      value: { model: 'bge-multilingual-gemma2', input: 'hi', normalize: false },
    });
  });

  it('rejects inputs that are not texts', () => {
    for (const inputs of [undefined, [], [1], { text: 'a' }]) {
      const error = thrownBy(() =>
        mapFeatureExtractionRequest({ providerId: 'p' }, { input: { inputs } as never, context }),
      );
      expect(InputError.isInstance(error), JSON.stringify(inputs)).toBe(true);
    }
  });
});

describe('mapFeatureExtractionResponse', () => {
  it('orders the vectors by index and meters prompt tokens', () => {
    const result = mapFeatureExtractionResponse(
      { providerId: 'scaleway' },
      {
        input: { inputs: ['first', 'second'] },
        response: loadTaskFixture('feature-extraction', 'scaleway-embeddings.json'),
      },
    );
    expect(result).toEqual({
      output: {
        embeddings: [
          [-0.75, 0.5, 0.0625],
          [0.25, -0.5, 0.125],
        ],
      },
      usage: { inputTokens: 9, outputTokens: 0 },
    });
  });

  it('reads a Together list, which reports no usage', () => {
    const result = mapFeatureExtractionResponse(
      { providerId: 'together' },
      {
        input: { inputs: ['a', 'b'] },
        response: loadTaskFixture('feature-extraction', 'together-embeddings.json'),
      },
    );
    expect(result.output.embeddings).toEqual([
      [0.0123, -0.0456, 0.0789, 0.0011],
      [-0.0321, 0.0654, -0.0987, 0.0022],
    ]);
    expect(result.usage).toEqual({});
  });

  it.each([
    [{ data: 'x' }, 'it has no data list'],
    [{ error: { message: 'input too long' } }, 'input too long'],
    [{ data: [{ embedding: 'AAAA' }] }, 'an item has no numeric embedding'],
    [{ data: [{ embedding: [1] }, { embedding: [2] }] }, '2 vectors for 1 texts'],
  ])('rejects %j as an UpstreamOutputError', (body, reason) => {
    const error = thrownBy(() =>
      mapFeatureExtractionResponse(
        { providerId: 'p' },
        { input: { inputs: 'one' }, response: { status: 200, headers: {}, body } },
      ),
    );
    expect(UpstreamOutputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(`p returned embeddings that cannot be used: ${reason}`);
  });
});
