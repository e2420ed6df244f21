import { readFileSync } from 'node:fs';
import { InputError, UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { mapHyperbolicTextToImageRequest } from './map-hyperbolic-text-to-image-request.js';
import { mapHyperbolicTextToImageResponse } from './map-hyperbolic-text-to-image-response.js';

const context = {
  requestId: 'req-1',
  providerId: 'hyperbolic',
  hfModelId: 'black-forest-labs/FLUX.1-dev',
  providerModelId: 'FLUX.1-dev',
};

const caught = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('Hyperbolic text-to-image requests', () => {
  it('names the model model_name and the generation parameters the Hyperbolic way', () => {
    expect(
      mapHyperbolicTextToImageRequest({
        input: {
          inputs: 'A lighthouse at dawn',
          parameters: {
            width: 768,
            height: 512,
            num_inference_steps: 25,
            guidance_scale: 5,
            seed: 7,
            num_images: 1,
          },
        },
        context,
      }),
    ).toMatchInlineSnapshot(`
      {
        "body": {
          "kind": "json",
          "value": {
            "cfg_scale": 5,
            "height": 512,
            "model_name": "FLUX.1-dev",
            "prompt": "A lighthouse at dawn",
            "seed": 7,
            "steps": 25,
            "width": 768,
          },
        },
        "expect": "json",
        "method": "POST",
        "path": "/v1/images/generations",
      }
    `);
  });

  it('refuses an empty prompt and more than one image per request', () => {
    for (const input of [{ inputs: '' }, { inputs: 'x', parameters: { num_images: 2 } }]) {
      expect(InputError.isInstance(caught(() => mapHyperbolicTextToImageRequest({ input, context })))).toBe(
        true,
      );
    }
  });
});

describe('Hyperbolic text-to-image answers', () => {
  it('decodes images[].image to PNG bytes and counts the images', () => {
    const body = JSON.parse(
      readFileSync(new URL('./__fixtures__/hyperbolic-flux-dev-image.json', import.meta.url), 'utf8'),
    );
    const result = mapHyperbolicTextToImageResponse({ response: { status: 200, headers: {}, body } });
    expect(result.usage).toEqual({ images: 1 });
    const [image] = result.output.images;
    expect(image).toMatchObject({ kind: 'bytes', contentType: 'image/png' });
    if (image?.kind === 'bytes') expect([...image.bytes.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
  });

  it('rejects an answer without base64 images', () => {
    for (const body of [{ images: [] }, { images: [{ url: 'x' }] }, { detail: 'model not found' }]) {
      const error = caught(() =>
        mapHyperbolicTextToImageResponse({ response: { status: 200, headers: {}, body } }),
      );
      expect(UpstreamOutputError.isInstance(error), JSON.stringify(body)).toBe(true);
    }
  });
});
