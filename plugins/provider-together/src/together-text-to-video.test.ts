import { readFileSync } from 'node:fs';
import { InputError, UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import {
  createTogetherImageToVideoHandler,
  createTogetherTextToVideoHandler,
} from './create-together-text-to-video-handler.js';

const handler = createTogetherTextToVideoHandler();
const context = {
  requestId: 'req-1',
  providerId: 'together',
  hfModelId: 'Wan-AI/Wan2.2-T2V-A14B',
  providerModelId: 'Wan-AI/Wan2.2-T2V-A14B',
};
const input = {
  inputs: 'Waves at dusk',
  parameters: { duration_seconds: 5, width: 832, height: 480, num_inference_steps: 30 },
};
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as unknown;
const response = (body: unknown) => ({ status: 200, headers: {}, body });
const operation = { id: '019abb7e-5f4c-7c21-9d1e-6a2f3b8c4d10', state: {} };

describe('Together text-to-video', () => {
  it('submits to /v2/videos with seconds as a string and steps', () => {
    expect(handler.start.mapRequest({ input, context })).toMatchInlineSnapshot(`
      {
        "body": {
          "kind": "json",
          "value": {
            "height": 480,
            "model": "Wan-AI/Wan2.2-T2V-A14B",
            "prompt": "Waves at dusk",
            "seconds": "5",
            "steps": 30,
            "width": 832,
          },
        },
        "expect": "json",
        "method": "POST",
        "path": "/v2/videos",
      }
    `);
  });

  it('refuses parameters Together has no field for', () => {
    for (const parameters of [{ num_frames: 81 }, { aspect_ratio: '16:9' }]) {
      const error = (() => {
        try {
          handler.start.mapRequest({ input: { inputs: 'x', parameters }, context });
        } catch (caught) {
          return caught;
        }
      })();
      expect(InputError.isInstance(error)).toBe(true);
    }
  });

  it('hands back the job to poll, at its id', () => {
    const started = handler.start.mapResponse({ input, context, response: response({ id: operation.id }) });
    expect(started).toEqual({ operation: { id: operation.id, state: {}, pollAfterMs: 2000 } });
    expect(handler.status.mapRequest({ input, context, operation })).toEqual({
      method: 'GET',
      path: `/v2/videos/${operation.id}`,
      body: { kind: 'none' },
      expect: 'json',
    });
  });

  it('keeps polling while the job is queued or in progress', () => {
    for (const status of ['queued', 'in_progress'])
      expect(
        handler.status.mapResponse({ input, context, operation, response: response({ id: 'a', status }) }),
      ).toEqual({
        state: 'pending',
        pollAfterMs: 2000,
      });
  });

  it('finishes with the video URL, the clip length and the cost Together states', () => {
    const status = handler.status.mapResponse({
      input,
      context,
      operation,
      response: response(fixture('together-video-job-completed.json')),
    });
    expect(status).toEqual({
      state: 'completed',
      result: {
        output: {
          video: {
            kind: 'url',
            url: 'https://api.together.ai/v1/videos/019abb7e-5f4c-7c21-9d1e-6a2f3b8c4d10/content',
          },
        },
        usage: { videoMilliseconds: 5000, reportedCostNanoUsd: 660_000_000n },
      },
    });
  });

  it("ends a failed job with Together's message, and rejects an unknown status", () => {
    expect(
      handler.status.mapResponse({
        input,
        context,
        operation,
        response: response(fixture('together-video-job-failed.json')),
      }),
    ).toEqual({ state: 'failed', message: 'The prompt was flagged by the content filter.' });
    const error = (() => {
      try {
        handler.status.mapResponse({
          input,
          context,
          operation,
          response: response({ id: 'a', status: 'lost' }),
        });
      } catch (caught) {
        return caught;
      }
    })();
    expect(UpstreamOutputError.isInstance(error)).toBe(true);
  });
});

describe('Together image-to-video', () => {
  const imageToVideo = createTogetherImageToVideoHandler();
  const i2v = { ...context, hfModelId: 'Wan-AI/Wan2.2-I2V-A14B', providerModelId: 'Wan-AI/Wan2.2-I2V-A14B' };

  it('sends the image as the first keyframe, inline bytes as a data URL, with the prompt', () => {
    const request = imageToVideo.start.mapRequest({
      input: {
        inputs: { kind: 'bytes', bytes: new Uint8Array([1, 2, 3]), contentType: 'image/png' },
        parameters: { prompt: 'The waves start to move', duration_seconds: 5 },
      },
      context: i2v,
    });
    expect(request).toMatchObject({ method: 'POST', path: '/v2/videos' });
    expect(request.body).toEqual({
      kind: 'json',
      value: {
        model: 'Wan-AI/Wan2.2-I2V-A14B',
        prompt: 'The waves start to move',
        seconds: '5',
        frame_images: [{ input_image: 'data:image/png;base64,AQID', frame: 'first' }],
      },
    });
  });

  it('passes a hosted image URL as it is, and refuses an inline image past 61,440 characters', () => {
    const hosted = imageToVideo.start.mapRequest({
      input: { inputs: { kind: 'url', url: 'https://cdn.example/first.png' } },
      context: i2v,
    });
    expect(hosted.body).toMatchObject({
      value: { frame_images: [{ input_image: 'https://cdn.example/first.png', frame: 'first' }] },
    });
    const error = (() => {
      try {
        imageToVideo.start.mapRequest({
          input: { inputs: { kind: 'bytes', bytes: new Uint8Array(50_000), contentType: 'image/png' } },
          context: i2v,
        });
      } catch (caught) {
        return caught;
      }
    })();
    expect(InputError.isInstance(error)).toBe(true);
  });
});
