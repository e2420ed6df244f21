import { describe, expect, it } from 'vitest';
import { contextFor, fixture, tinyPng } from '../fixtures.test-helpers.js';
import { imageToTextHandler } from './image-to-text-handler.js';

const context = contextFor('Salesforce/blip-image-captioning-large');
const image = { kind: 'bytes' as const, bytes: tinyPng(), contentType: 'image/png' };

describe('image-to-text on hf-inference', () => {
  it('posts the raw image', () => {
    expect(imageToTextHandler.mapRequest({ input: { inputs: image }, context })).toMatchObject({
      path: '/models/Salesforce/blip-image-captioning-large',
      body: { kind: 'bytes', value: image.bytes },
    });
  });

  it('returns the caption from the list of one', () => {
    expect(
      imageToTextHandler.mapResponse({
        input: { inputs: image },
        response: fixture('image-to-text'),
        context,
      }),
    ).toEqual({
      output: { generated_text: 'a large brown and white giraffe standing in a field ' },
      usage: { computeMilliseconds: 701 },
    });
  });
});
