import type { ImageToImageInputV1, QueuedTaskHandlerV1 } from '@tollgate/provider-spec';
import { InputError, UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { falAiTasks } from './fal-ai-tasks.js';
import { answer, callContext, fixture } from './test-context.test-helpers.js';

const handler = falAiTasks['image-to-image'] as QueuedTaskHandlerV1<ImageToImageInputV1>;
const context = callContext('black-forest-labs/FLUX.1-Kontext-dev', 'fal-ai/flux-kontext/dev');
const input: ImageToImageInputV1 = {
  inputs: { kind: 'bytes', bytes: new Uint8Array([137, 80, 78, 71]), contentType: 'image/png' },
  parameters: { prompt: 'Make the cat a tiger', guidance_scale: 2.5, strength: 0.6 },
};
const resultPhase = {
  id: 'r1',
  state: {
    phase: 'result',
    statusUrl: 'https://queue.fal.run/fal-ai/flux-kontext/requests/r1/status',
    responseUrl: 'https://queue.fal.run/fal-ai/flux-kontext/requests/r1',
    cancelUrl: 'https://queue.fal.run/fal-ai/flux-kontext/requests/r1/cancel',
  },
};

describe('fal image-to-image (FLUX.1 Kontext [dev])', () => {
  it('queues the source image as a data URL with the edit instruction', () => {
    expect(handler.start.mapRequest({ input, context })).toEqual({
      method: 'POST',
      path: '/fal-ai/flux-kontext/dev',
      query: { _subdomain: 'queue' },
      body: {
        kind: 'json',
        value: {
          image_url: 'data:image/png;base64,iVBORw==',
          prompt: 'Make the cat a tiger',
          guidance_scale: 2.5,
        },
      },
      expect: 'json',
    });
  });

  it('returns the edited image, metered by the size fal reports (1248x832 is one megapixel)', () => {
    const status = handler.status.mapResponse({
      input,
      context,
      operation: resultPhase,
      response: answer(fixture('fal-ai-flux-kontext-dev-result')),
    });
    expect(status).toMatchObject({
      state: 'completed',
      result: {
        output: { images: [{ kind: 'url', contentType: 'image/jpeg' }] },
        usage: { milliMegapixels: 1000 },
      },
    });
  });

  it('needs an edit instruction, and an answer with images', () => {
    expect(() => handler.start.mapRequest({ input: { inputs: input.inputs }, context })).toThrow(InputError);
    expect(() =>
      handler.status.mapResponse({
        input,
        context,
        operation: resultPhase,
        response: answer({ images: [] }),
      }),
    ).toThrow(UpstreamOutputError);
  });
});
