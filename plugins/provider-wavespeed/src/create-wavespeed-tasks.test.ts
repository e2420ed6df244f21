import { type QueuedOperationV1, UpstreamApiError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { POLL_AFTER_MS } from './create-wavespeed-task.js';
import { createWavespeedTasks } from './create-wavespeed-tasks.js';
import { fixture } from './wavespeed-fixtures.test-helpers.js';
import { wavespeedModels } from './wavespeed-models.js';
import { wavespeedRates } from './wavespeed-rates.js';

const tasks = createWavespeedTasks({ rates: wavespeedRates, models: wavespeedModels });

const context = (hfModelId: string, providerModelId: string) => ({
  requestId: 'req-1',
  providerId: 'wavespeed',
  hfModelId,
  providerModelId,
});
const fluxDev = context('black-forest-labs/FLUX.1-dev', 'wavespeed-ai/flux-dev');
const wan21 = context('Wan-AI/Wan2.1-T2V-14B', 'wavespeed-ai/wan-2.1/t2v-480p');
const ok = (body: unknown) => ({ status: 200, headers: {}, body });

describe('WaveSpeed text-to-image', () => {
  const handler = tasks['text-to-image'];
  const input = { inputs: 'A lighthouse at dawn', parameters: { num_images: 2 } };

  it('posts the body to /api/v3/<model id>, keeping the slashes of the id', () => {
    expect(handler.start.mapRequest({ input, context: fluxDev })).toEqual({
      method: 'POST',
      path: '/api/v3/wavespeed-ai/flux-dev',
      body: { kind: 'json', value: { prompt: 'A lighthouse at dawn', num_images: 2 } },
      expect: 'json',
    });
  });

  it('turns the submitted prediction into an operation polled on the path of urls.get every 500 ms', () => {
    const started = handler.start.mapResponse({ input, context: fluxDev, response: ok(fixture('submit')) });
    expect(started).toEqual({
      operation: {
        id: '4f2b9c0e7d1a4e6b8c3f5a2d9e0b1c7a',
        state: { resultPath: '/api/v3/predictions/4f2b9c0e7d1a4e6b8c3f5a2d9e0b1c7a/result' },
        pollAfterMs: POLL_AFTER_MS,
      },
    });
    const { operation } = started as { operation: QueuedOperationV1 };
    expect(handler.status.mapRequest({ input, context: fluxDev, operation })).toEqual({
      method: 'GET',
      path: '/api/v3/predictions/4f2b9c0e7d1a4e6b8c3f5a2d9e0b1c7a/result',
      body: { kind: 'none' },
      expect: 'json',
    });
  });

  it('stays pending while the prediction is created or processing', () => {
    const operation = { id: 'x', state: {} };
    for (const name of ['submit', 'processing']) {
      expect(
        handler.status.mapResponse({ input, context: fluxDev, operation, response: ok(fixture(name)) }),
      ).toEqual({ state: 'pending', pollAfterMs: 500 });
    }
  });

  it('returns every image as a URL and meters the images returned', () => {
    const status = handler.status.mapResponse({
      input,
      context: fluxDev,
      operation: { id: 'x', state: {} },
      response: ok(fixture('completed-images')),
    });
    expect(status).toEqual({
      state: 'completed',
      result: {
        output: {
          images: [
            {
              kind: 'url',
              url: 'https://d1q70pf5vjeyhc.cloudfront.net/predictions/4f2b9c0e7d1a4e6b8c3f5a2d9e0b1c7a/1.jpeg',
              contentType: 'image/jpeg',
            },
            {
              kind: 'url',
              url: 'https://d1q70pf5vjeyhc.cloudfront.net/predictions/4f2b9c0e7d1a4e6b8c3f5a2d9e0b1c7a/2.jpeg',
              contentType: 'image/jpeg',
            },
          ],
        },
        usage: { images: 2 },
      },
    });
  });

  it('returns the result at once when WaveSpeed answers the submit with a completed prediction', () => {
    const started = handler.start.mapResponse({
      input,
      context: fluxDev,
      response: ok(fixture('completed-images')),
    });
    expect(started).toMatchObject({ result: { usage: { images: 2 } } });
  });

  it('sends the Hub id of a LoRA adapter in loras, at full strength', () => {
    const lora = {
      hfModelId: 'openfree/flux-chatgpt-ghibli-lora',
      providerModelId: 'wavespeed-ai/flux-dev-lora',
      task: 'text-to-image',
      status: 'live',
      adapter: 'lora',
      adapterWeightsPath: 'flux-chatgpt-ghibli-lora.safetensors',
    } as const;
    const withLora = createWavespeedTasks({ rates: wavespeedRates, models: [lora] })['text-to-image'];
    const request = withLora.start.mapRequest({
      input: { inputs: 'A cottage' },
      context: context(lora.hfModelId, lora.providerModelId),
    });
    expect(request.body).toEqual({
      kind: 'json',
      value: { prompt: 'A cottage', loras: [{ path: 'openfree/flux-chatgpt-ghibli-lora', scale: 1 }] },
    });
  });
});

describe('WaveSpeed text-to-video', () => {
  const handler = tasks['text-to-video'];

  it("meters a Wan 2.1 clip as the base price plus the seconds asked for, which is WaveSpeed's price", () => {
    const status = handler.status.mapResponse({
      input: { inputs: 'A fox', parameters: { duration_seconds: 10 } },
      context: wan21,
      operation: { id: 'x', state: {} },
      response: ok(fixture('completed-video')),
    });
    expect(status).toEqual({
      state: 'completed',
      result: {
        output: {
          video: {
            kind: 'url',
            url: 'https://d1q70pf5vjeyhc.cloudfront.net/predictions/b81e6d2f0c9a47d3a5e4f1c2d3b4a596/output.mp4',
            contentType: 'video/mp4',
          },
        },
        usage: { requests: 1, videoMilliseconds: 10_000 },
      },
    });
  });

  it("meters WaveSpeed's default 5 seconds when the caller set no length", () => {
    const status = handler.status.mapResponse({
      input: { inputs: 'A fox' },
      context: wan21,
      operation: { id: 'x', state: {} },
      response: ok(fixture('completed-video')),
    });
    expect(status).toMatchObject({ result: { usage: { requests: 1, videoMilliseconds: 5000 } } });
  });

  it("reports a failed prediction with WaveSpeed's reason", () => {
    expect(
      handler.status.mapResponse({
        input: { inputs: 'A fox' },
        context: wan21,
        operation: { id: 'x', state: {} },
        response: ok(fixture('failed')),
      }),
    ).toEqual({ state: 'failed', message: 'The content you submitted was flagged by the safety checker.' });
  });

  it('throws a non-retryable upstream error when the submit itself comes back failed', () => {
    try {
      handler.start.mapResponse({
        input: { inputs: 'A fox' },
        context: wan21,
        response: ok(fixture('failed')),
      });
      expect.unreachable();
    } catch (error) {
      expect(UpstreamApiError.isInstance(error)).toBe(true);
      expect((error as UpstreamApiError).isRetryable).toBe(false);
      expect((error as Error).message).toContain('flagged by the safety checker');
    }
  });

  it('refuses a completed prediction without a video URL', () => {
    const body = { code: 200, data: { id: 'x', status: 'completed', outputs: [] } };
    expect(() =>
      handler.status.mapResponse({
        input: { inputs: 'A fox' },
        context: wan21,
        operation: { id: 'x', state: {} },
        response: ok(body),
      }),
    ).toThrowError(/without a video URL/);
  });
});

describe('WaveSpeed image-to-video', () => {
  it('meters the requested seconds of a per-second model', () => {
    const handler = tasks['image-to-video'];
    const status = handler.status.mapResponse({
      input: {
        inputs: { kind: 'url', url: 'https://example.com/a.png' },
        parameters: { duration_seconds: 8 },
      },
      context: context('Wan-AI/Wan2.2-I2V-A14B', 'wavespeed-ai/wan-2.2/i2v-480p-ultra-fast'),
      operation: { id: 'x', state: {} },
      response: ok(fixture('completed-video')),
    });
    expect(status).toMatchObject({ result: { usage: { videoMilliseconds: 8000 } } });
  });
});
