import { InputError, UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { contextFor, tinyPng } from '../fixtures.test-helpers.js';
import { textToImageHandler } from './text-to-image-handler.js';

const context = contextFor('black-forest-labs/FLUX.1-schnell');
const input = {
  inputs: 'A lighthouse at dawn',
  parameters: { width: 512, height: 512, num_inference_steps: 4 },
};
const computed = { 'x-compute-time': '1.870', 'x-compute-type': 'gpu' };

describe('text-to-image on hf-inference', () => {
  it('posts {inputs, parameters} and expects the image bytes back', () => {
    expect(textToImageHandler.mapRequest({ input, context })).toEqual({
      method: 'POST',
      path: '/models/black-forest-labs/FLUX.1-schnell',
      body: { kind: 'json', value: input },
      expect: 'bytes',
    });
  });

  it('takes num_images 1 but refuses more', () => {
    const one = textToImageHandler.mapRequest({
      input: { inputs: 'x', parameters: { num_images: 1 } },
      context,
    });
    expect(one.body).toEqual({ kind: 'json', value: { inputs: 'x', parameters: {} } });
    expect(() =>
      textToImageHandler.mapRequest({ input: { inputs: 'x', parameters: { num_images: 2 } }, context }),
    ).toThrow(InputError);
  });

  it('returns the raw PNG or JPEG body as one image and meters the compute time', () => {
    const png = tinyPng(8, 8);
    const result = textToImageHandler.mapResponse({
      input,
      response: { status: 200, headers: { 'content-type': 'image/png', ...computed }, body: png },
      context,
    });
    expect(result).toEqual({
      output: { images: [{ kind: 'bytes', bytes: png, contentType: 'image/png' }] },
      usage: { computeMilliseconds: 1870 },
    });
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
    const jpegResult = textToImageHandler.mapResponse({
      input,
      response: { status: 200, headers: { 'content-type': 'image/jpeg' }, body: jpeg },
      context,
    });
    expect(jpegResult.output.images[0]).toEqual({ kind: 'bytes', bytes: jpeg, contentType: 'image/jpeg' });
  });

  it('decodes the {data: [{b64_json}]} answer some models give', () => {
    const png = tinyPng();
    const body = new Uint8Array(
      Buffer.from(JSON.stringify({ data: [{ b64_json: Buffer.from(png).toString('base64') }] })),
    );
    const result = textToImageHandler.mapResponse({
      input,
      response: { status: 200, headers: { 'content-type': 'application/json' }, body },
      context,
    });
    expect(result.output.images).toEqual([{ kind: 'bytes', bytes: png, contentType: 'image/png' }]);
  });

  it('refuses a body that is no image', () => {
    expect(() =>
      textToImageHandler.mapResponse({
        input,
        response: {
          status: 200,
          headers: { 'content-type': 'text/html' },
          body: new Uint8Array(Buffer.from('<html>')),
        },
        context,
      }),
    ).toThrow(UpstreamOutputError);
    expect(() =>
      textToImageHandler.mapResponse({
        input,
        response: {
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: new Uint8Array(Buffer.from('{}')),
        },
        context,
      }),
    ).toThrow(UpstreamOutputError);
  });
});
