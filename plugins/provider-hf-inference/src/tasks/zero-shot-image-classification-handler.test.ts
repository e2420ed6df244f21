import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { contextFor, fixture, tinyPng } from '../fixtures.test-helpers.js';
import { zeroShotImageClassificationHandler } from './zero-shot-image-classification-handler.js';

const context = contextFor('openai/clip-vit-large-patch14');
const image = { kind: 'bytes' as const, bytes: tinyPng(), contentType: 'image/png' };
const parameters = { candidate_labels: ['a photo of a cat', 'a photo of a dog'] };

describe('zero-shot-image-classification on hf-inference', () => {
  it('always posts base64 JSON, since the labels are parameters', () => {
    expect(
      zeroShotImageClassificationHandler.mapRequest({ input: { inputs: image, parameters }, context }),
    ).toEqual({
      method: 'POST',
      path: '/models/openai/clip-vit-large-patch14',
      body: { kind: 'json', value: { inputs: Buffer.from(image.bytes).toString('base64'), parameters } },
      expect: 'json',
    });
  });

  it('requires candidate labels', () => {
    expect(() =>
      zeroShotImageClassificationHandler.mapRequest({ input: { inputs: image } as never, context }),
    ).toThrow(InputError);
  });

  it('returns the labels with their scores', () => {
    expect(
      zeroShotImageClassificationHandler.mapResponse({
        input: { inputs: image, parameters },
        response: fixture('zero-shot-image-classification'),
        context,
      }),
    ).toEqual({
      output: [
        { label: 'a photo of a cat', score: 0.9607 },
        { label: 'a photo of a dog', score: 0.0393 },
      ],
      usage: { computeMilliseconds: 301 },
    });
  });
});
