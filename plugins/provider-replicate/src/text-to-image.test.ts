import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { replicatePlugin } from './replicate-plugin.js';
import { callContext, fixture } from './test-context.test-helpers.js';

const task = replicatePlugin.tasks['text-to-image'];
if (task?.kind !== 'queued') throw new Error('text-to-image must be a queued task');
const context = callContext('black-forest-labs/FLUX.1-schnell', 'black-forest-labs/flux-schnell');

describe('Replicate text-to-image', () => {
  it('sends FLUX its own parameter names, a ratio for the size, and asks for PNG', () => {
    const request = task.start.mapRequest({
      input: {
        inputs: 'A lighthouse at dawn',
        parameters: {
          width: 1024,
          height: 1024,
          num_images: 2,
          guidance_scale: 3.5,
          num_inference_steps: 4,
          seed: 7,
        },
      },
      context,
    });
    expect(request).toMatchInlineSnapshot(`
      {
        "body": {
          "kind": "json",
          "value": {
            "input": {
              "aspect_ratio": "1:1",
              "guidance": 3.5,
              "height": 1024,
              "num_inference_steps": 4,
              "num_outputs": 2,
              "output_format": "png",
              "prompt": "A lighthouse at dawn",
              "seed": 7,
              "width": 1024,
            },
          },
        },
        "expect": "json",
        "headers": {
          "prefer": "wait",
        },
        "method": "POST",
        "path": "/v1/models/black-forest-labs/flux-schnell/predictions",
      }
    `);
  });

  it('refuses an empty prompt before calling Replicate', () => {
    expect(() => task.start.mapRequest({ input: { inputs: '  ' }, context })).toThrow(InputError);
  });

  it('returns every image URL and meters the images, which FLUX is priced by', () => {
    const started = task.start.mapResponse({
      input: { inputs: 'A lighthouse at dawn' },
      context,
      response: { status: 201, headers: {}, body: fixture('replicate-flux-schnell-succeeded') },
    });
    expect(started).toEqual({
      result: {
        output: {
          images: [
            {
              kind: 'url',
              url: 'https://replicate.delivery/xezq/sTeBS7M0aXzLHdJ3fV9yNb2oQWcK8rPuYgFq4xEwiTvA1l5mD/out-0.png',
              contentType: 'image/png',
            },
            {
              kind: 'url',
              url: 'https://replicate.delivery/xezq/sTeBS7M0aXzLHdJ3fV9yNb2oQWcK8rPuYgFq4xEwiTvA1l5mD/out-1.png',
              contentType: 'image/png',
            },
          ],
        },
        usage: { images: 2 },
      },
    });
  });
});
