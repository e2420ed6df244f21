import type { ImageToVideoInputV1, QueuedTaskHandlerV1, TextToVideoInputV1 } from '@tollgate/provider-spec';
import { UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { falAiTasks } from './fal-ai-tasks.js';
import { answer, callContext, fixture } from './test-context.test-helpers.js';

const textToVideo = falAiTasks['text-to-video'] as QueuedTaskHandlerV1<TextToVideoInputV1>;
const imageToVideo = falAiTasks['image-to-video'] as QueuedTaskHandlerV1<ImageToVideoInputV1>;
const resultPhase = {
  id: 'v1',
  state: {
    phase: 'result',
    statusUrl: 'https://queue.fal.run/fal-ai/wan/requests/v1/status',
    responseUrl: 'https://queue.fal.run/fal-ai/wan/requests/v1',
    cancelUrl: 'https://queue.fal.run/fal-ai/wan/requests/v1/cancel',
  },
};

describe('fal text-to-video (Wan 2.2 A14B)', () => {
  const context = callContext('Wan-AI/Wan2.2-T2V-A14B', 'fal-ai/wan/v2.2-a14b/text-to-video');
  const input: TextToVideoInputV1 = {
    inputs: 'A fox walking through fresh snow',
    parameters: { duration_seconds: 5, aspect_ratio: '16:9', negative_prompt: 'blurry', seed: 3 },
  };

  it('queues the prompt with an explicit frame count and the 720p tier the rate card prices', () => {
    expect(textToVideo.start.mapRequest({ input, context })).toMatchInlineSnapshot(`
      {
        "body": {
          "kind": "json",
          "value": {
            "aspect_ratio": "16:9",
            "negative_prompt": "blurry",
            "num_frames": 81,
            "prompt": "A fox walking through fresh snow",
            "resolution": "720p",
            "seed": 3,
          },
        },
        "expect": "json",
        "method": "POST",
        "path": "/fal-ai/wan/v2.2-a14b/text-to-video",
        "query": {
          "_subdomain": "queue",
        },
      }
    `);
  });

  it('returns the video, metered as fal bills it: 81 frames at 16 per second', () => {
    const status = textToVideo.status.mapResponse({
      input,
      context,
      operation: resultPhase,
      response: answer(fixture('fal-ai-wan-t2v-result')),
    });
    expect(status).toEqual({
      state: 'completed',
      result: {
        output: {
          video: {
            kind: 'url',
            url: 'https://v3.fal.media/files/elephant/7Qx2aK9mN3pL5rT8vW1yZ_output.mp4',
            contentType: 'video/mp4',
          },
        },
        usage: { videoMilliseconds: 5063 },
      },
    });
  });

  it("prefers fal's own count of billed video seconds", () => {
    const status = textToVideo.status.mapResponse({
      input,
      context,
      operation: resultPhase,
      response: answer(fixture('fal-ai-wan-t2v-result'), { 'x-fal-billable-units': '5.0625' }),
    });
    expect(status.state === 'completed' && status.result.usage).toEqual({ videoMilliseconds: 5063 });
  });

  it('rejects an answer without a video', () => {
    expect(() =>
      textToVideo.status.mapResponse({
        input,
        context,
        operation: resultPhase,
        response: answer({ seed: 1 }),
      }),
    ).toThrow(UpstreamOutputError);
  });
});

describe('fal image-to-video (Wan 2.2 A14B)', () => {
  const context = callContext('Wan-AI/Wan2.2-I2V-A14B', 'fal-ai/wan/v2.2-a14b/image-to-video');
  const input: ImageToVideoInputV1 = {
    inputs: { kind: 'url', url: 'https://example.com/dragon.jpg' },
    parameters: { prompt: 'The dragon takes off', aspect_ratio: 'auto', num_frames: 49 },
  };

  it('queues the first frame and the prompt', () => {
    expect(imageToVideo.start.mapRequest({ input, context }).body).toEqual({
      kind: 'json',
      value: {
        image_url: 'https://example.com/dragon.jpg',
        prompt: 'The dragon takes off',
        num_frames: 49,
        resolution: '720p',
        aspect_ratio: 'auto',
      },
    });
  });

  it('meters the frames it asked for', () => {
    const status = imageToVideo.status.mapResponse({
      input,
      context,
      operation: resultPhase,
      response: answer(fixture('fal-ai-wan-t2v-result')),
    });
    expect(status.state === 'completed' && status.result.usage).toEqual({ videoMilliseconds: 3063 });
  });
});
