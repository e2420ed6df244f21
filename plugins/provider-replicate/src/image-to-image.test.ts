import { describe, expect, it } from 'vitest';
import { replicatePlugin } from './replicate-plugin.js';
import { callContext, fixture } from './test-context.test-helpers.js';

const task = replicatePlugin.tasks['image-to-image'];
if (task?.kind !== 'queued') throw new Error('image-to-image must be a queued task');
const context = callContext('black-forest-labs/FLUX.1-Kontext-dev', 'black-forest-labs/flux-kontext-dev');

describe('Replicate image-to-image', () => {
  it('sends the source image as a data URL in input_image, keeping its shape', () => {
    const request = task.start.mapRequest({
      input: {
        inputs: { kind: 'bytes', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]), contentType: 'image/png' },
        parameters: { prompt: 'make it blue', seed: 3 },
      },
      context,
    });
    expect(request).toMatchInlineSnapshot(`
      {
        "body": {
          "kind": "json",
          "value": {
            "input": {
              "aspect_ratio": "match_input_image",
              "input_image": "data:image/png;base64,iVBORw==",
              "output_format": "png",
              "prompt": "make it blue",
              "seed": 3,
            },
          },
        },
        "expect": "json",
        "headers": {
          "prefer": "wait",
        },
        "method": "POST",
        "path": "/v1/models/black-forest-labs/flux-kontext-dev/predictions",
      }
    `);
  });

  it('asks for the target size as a ratio when one is given', () => {
    const request = task.start.mapRequest({
      input: {
        inputs: { kind: 'url', url: 'https://example.com/cat.png' },
        parameters: { prompt: 'wider', target_size: { width: 1920, height: 1080 } },
      },
      context,
    });
    expect(request.body).toMatchObject({
      value: { input: { aspect_ratio: '16:9', input_image: 'https://example.com/cat.png' } },
    });
  });

  it('reads Kontext single-URL output as one image', () => {
    const started = task.start.mapResponse({
      input: { inputs: { kind: 'url', url: 'https://example.com/cat.png' } },
      context,
      response: { status: 201, headers: {}, body: fixture('replicate-kontext-succeeded') },
    });
    expect(started).toEqual({
      result: {
        output: {
          images: [
            {
              kind: 'url',
              url: 'https://replicate.delivery/xezq/Rk9vB1xQ0wLz3nTyHd8sPfA2gJ5cUmE6oKiY7rVtNqWbaXlC/output.png',
              contentType: 'image/png',
            },
          ],
        },
        usage: { images: 1 },
      },
    });
  });
});
