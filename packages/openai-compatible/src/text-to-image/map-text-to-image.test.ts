import { InputError, UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { loadTaskFixture, taskContext, thrownBy } from '../task-fixtures.test-helpers.js';
import { imageUsage } from './image-usage.js';
import { mapTextToImageRequest } from './map-text-to-image-request.js';
import { mapTextToImageResponse } from './map-text-to-image-response.js';

const context = taskContext('together', 'black-forest-labs/FLUX.1-schnell');
const together = {
  providerId: 'together',
  size: 'width-height',
  responseFormat: 'base64',
  parameterNames: { num_inference_steps: 'steps', seed: 'seed', negative_prompt: 'negative_prompt' },
  meter: { kind: 'megapixels', defaultSize: { width: 1024, height: 1024 } },
} as const;

describe('mapTextToImageRequest', () => {
  it("writes Together's quirks: width and height, steps, and response_format base64", () => {
    const request = mapTextToImageRequest(together, {
      input: {
        inputs: 'A lighthouse at dawn',
        parameters: {
          width: 512,
          height: 768,
          num_inference_steps: 4,
          seed: 42,
          guidance_scale: 3.5,
          num_images: 2,
        },
      },
      context,
    });
    expect(request).toMatchInlineSnapshot(`
      {
        "body": {
          "kind": "json",
          "value": {
            "height": 768,
            "model": "black-forest-labs/FLUX.1-schnell",
            "n": 2,
            "prompt": "A lighthouse at dawn",
            "response_format": "base64",
            "seed": 42,
            "steps": 4,
            "width": 512,
          },
        },
        "expect": "json",
        "method": "POST",
        "path": "/v1/images/generations",
      }
    `);
  });

  it("defaults to OpenAI's shape: size WxH, b64_json, and no parameters OpenAI lacks", () => {
    const request = mapTextToImageRequest(
      { providerId: 'nscale' },
      {
        input: { inputs: 'A lighthouse', parameters: { width: 512, height: 512, num_inference_steps: 4 } },
        context: taskContext('nscale', 'black-forest-labs/FLUX.1-schnell'),
      },
    );
    expect(request.body).toEqual({
      kind: 'json',
      value: {
        model: 'black-forest-labs/FLUX.1-schnell',
        prompt: 'A lighthouse',
        size: '512x512',
        response_format: 'b64_json',
      },
    });
  });

  it('can put the model under another name and send no response_format', () => {
    const request = mapTextToImageRequest(
      { providerId: 'p', modelField: 'model_name', responseFormat: null, path: '/v2/images' },
      { input: { inputs: 'x' }, context },
    );
    expect(request.path).toBe('/v2/images');
    expect(request.body).toEqual({
      kind: 'json',
      value: { model_name: 'black-forest-labs/FLUX.1-schnell', prompt: 'x' },
    });
  });

  it('rejects a missing prompt, a bad size, and half a size where the provider needs both', () => {
    const cases = [
      [{ providerId: 'p' }, { inputs: '' }],
      [{ providerId: 'p' }, { inputs: 'x', parameters: { width: 0, height: 10 } }],
      [{ providerId: 'p' }, { inputs: 'x', parameters: { width: 512 } }],
      [{ providerId: 'p' }, { inputs: 'x', parameters: { num_images: 1.5 } }],
    ] as const;
    for (const [config, input] of cases) {
      const error = thrownBy(() => mapTextToImageRequest(config, { input: input as never, context }));
      expect(InputError.isInstance(error), JSON.stringify(input)).toBe(true);
    }
    expect(
      mapTextToImageRequest(together, { input: { inputs: 'x', parameters: { width: 512 } }, context }).body,
    ).toMatchObject({ value: { width: 512 } });
  });
});

describe('mapTextToImageResponse', () => {
  it('decodes a base64 image to PNG bytes and meters its megapixels', () => {
    const result = mapTextToImageResponse(together, {
      input: { inputs: 'x', parameters: { width: 512, height: 512 } },
      response: loadTaskFixture('text-to-image', 'together-flux-schnell-base64.json'),
    });
    const [image] = result.output.images;
    expect(image?.kind).toBe('bytes');
    if (image?.kind !== 'bytes') return;
    expect(image.contentType).toBe('image/png');
    expect([...image.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(result.usage).toEqual({ milliMegapixels: 263 });
  });

  it('leaves URLs as URLs, one per image, metered at the default size', () => {
    const result = mapTextToImageResponse(together, {
      input: { inputs: 'x' },
      response: loadTaskFixture('text-to-image', 'together-flux-dev-url.json'),
    });
    expect(result.output.images).toEqual([
      { kind: 'url', url: 'https://api.together.ai/shrt/AbCdEfGhIjKlMnOp' },
      { kind: 'url', url: 'https://api.together.ai/shrt/QrStUvWxYzAbCdEf' },
    ]);
    expect(result.usage).toEqual({ milliMegapixels: 2098 });
  });

  it('counts images for per-image prices', () => {
    const result = mapTextToImageResponse(
      { providerId: 'nscale' },
      { input: { inputs: 'x' }, response: loadTaskFixture('text-to-image', 'nscale-flux-schnell.json') },
    );
    expect(result.output.images).toHaveLength(1);
    expect(result.usage).toEqual({ images: 1 });
  });

  it.each([
    [{ data: [] }, 'it has no images'],
    [{ error: { message: 'NSFW content detected' } }, 'NSFW content detected'],
    [{ data: [{ b64_json: null, url: null }] }, 'an item has neither b64_json nor url'],
  ])('rejects %j as an UpstreamOutputError', (body, reason) => {
    const error = thrownBy(() =>
      mapTextToImageResponse(
        { providerId: 'p' },
        { input: { inputs: 'x' }, response: { status: 200, headers: {}, body } },
      ),
    );
    expect(UpstreamOutputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(`p returned images that cannot be used: ${reason}`);
  });
});

describe('imageUsage', () => {
  it('rounds megapixels up to a whole thousandth', () => {
    expect(imageUsage({ kind: 'megapixels', defaultSize: { width: 1024, height: 1024 } }, 1)).toEqual({
      milliMegapixels: 1049,
    });
    expect(
      imageUsage({ kind: 'megapixels', defaultSize: { width: 1, height: 1 } }, 3, {
        width: 1000,
        height: 1000,
      }),
    ).toEqual({ milliMegapixels: 3000 });
    expect(imageUsage({ kind: 'images' }, 4, { width: 2048, height: 2048 })).toEqual({ images: 4 });
  });
});
