import { describe, expect, it } from 'vitest';
import { contextFor, fixture, tinyPng } from '../fixtures.test-helpers.js';
import { imageClassificationHandler } from './image-classification-handler.js';

const context = contextFor('google/vit-base-patch16-224');
const image = { kind: 'bytes' as const, bytes: tinyPng(), contentType: 'image/png' };

describe('image-classification on hf-inference', () => {
  it('posts the raw image with its type', () => {
    expect(imageClassificationHandler.mapRequest({ input: { inputs: image }, context })).toEqual({
      method: 'POST',
      path: '/models/google/vit-base-patch16-224',
      body: { kind: 'bytes', value: image.bytes, contentType: 'image/png' },
      expect: 'json',
    });
  });

  it('sends base64 JSON when there are parameters, and a data: URL as its bytes', () => {
    const dataUrl = `data:image/png;base64,${Buffer.from(image.bytes).toString('base64')}`;
    const request = imageClassificationHandler.mapRequest({
      input: { inputs: { kind: 'url', url: dataUrl }, parameters: { top_k: 3 } },
      context,
    });
    expect(request.body).toEqual({
      kind: 'json',
      value: { inputs: Buffer.from(image.bytes).toString('base64'), parameters: { top_k: 3 } },
    });
  });

  it('returns the labels and meters the compute time', () => {
    const result = imageClassificationHandler.mapResponse({
      input: { inputs: image },
      response: fixture('image-classification'),
      context,
    });
    expect(result.output[0]).toEqual({
      label: 'cheetah, chetah, Acinonyx jubatus',
      score: 0.9981812238693237,
    });
    expect(result.output).toHaveLength(3);
    expect(result.usage).toEqual({ computeMilliseconds: 88 });
  });
});
