import { UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { contextFor, fixture, tinyPng } from '../fixtures.test-helpers.js';
import { objectDetectionHandler } from './object-detection-handler.js';

const context = contextFor('facebook/detr-resnet-50');
const image = { kind: 'bytes' as const, bytes: tinyPng(), contentType: 'image/png' };

describe('object-detection on hf-inference', () => {
  it('posts the raw image, or base64 JSON with a threshold', () => {
    expect(objectDetectionHandler.mapRequest({ input: { inputs: image }, context }).body).toMatchObject({
      kind: 'bytes',
    });
    expect(
      objectDetectionHandler.mapRequest({ input: { inputs: image, parameters: { threshold: 0.9 } }, context })
        .body,
    ).toMatchObject({ kind: 'json', value: { parameters: { threshold: 0.9 } } });
  });

  it('returns the labelled boxes', () => {
    const result = objectDetectionHandler.mapResponse({
      input: { inputs: image },
      response: fixture('object-detection'),
      context,
    });
    expect(result.output[0]).toEqual({
      label: 'cat',
      score: 0.9982989430427551,
      box: { xmin: 20, ymin: 47, xmax: 329, ymax: 186 },
    });
    expect(result.usage).toEqual({ computeMilliseconds: 356 });
  });

  it('refuses a detection without a whole box', () => {
    expect(() =>
      objectDetectionHandler.mapResponse({
        input: { inputs: image },
        response: {
          status: 200,
          headers: {},
          body: [{ label: 'cat', score: 0.9, box: { xmin: 1, ymin: 2 } }],
        },
        context,
      }),
    ).toThrow(UpstreamOutputError);
  });
});
