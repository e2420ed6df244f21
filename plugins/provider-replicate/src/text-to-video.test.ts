import { UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { replicatePlugin } from './replicate-plugin.js';
import { callContext, fixture } from './test-context.test-helpers.js';

const task = replicatePlugin.tasks['text-to-video'];
if (task?.kind !== 'queued') throw new Error('text-to-video must be a queued task');
const context = callContext('Wan-AI/Wan2.2-TI2V-5B', 'wan-video/wan-2.2-5b-fast');

describe('Replicate text-to-video', () => {
  it('turns a size into the resolution tier and aspect ratio Wan takes', () => {
    const request = task.start.mapRequest({
      input: {
        inputs: 'A cat surfing a wave',
        parameters: { width: 1280, height: 720, num_frames: 81, seed: 11 },
      },
      context,
    });
    expect(request).toMatchInlineSnapshot(`
      {
        "body": {
          "kind": "json",
          "value": {
            "input": {
              "aspect_ratio": "16:9",
              "num_frames": 81,
              "prompt": "A cat surfing a wave",
              "resolution": "720p",
              "seed": 11,
            },
          },
        },
        "expect": "json",
        "headers": {
          "prefer": "wait",
        },
        "method": "POST",
        "path": "/v1/models/wan-video/wan-2.2-5b-fast/predictions",
      }
    `);
    const small = task.start.mapRequest({
      input: { inputs: 'x', parameters: { width: 480, height: 832 } },
      context,
    });
    expect(small.body).toMatchObject({ value: { input: { resolution: '480p' } } });
  });

  it('returns the MP4 URL and meters one video', () => {
    const started = task.start.mapResponse({
      input: { inputs: 'A cat surfing a wave' },
      context,
      response: { status: 201, headers: {}, body: fixture('replicate-wan-succeeded') },
    });
    expect(started).toEqual({
      result: {
        output: {
          video: {
            kind: 'url',
            url: 'https://replicate.delivery/xezq/Nf2d8uVqk0LcmB6oZtYrSg1W3pHaJy7xEiTn4bD5eQwXlKAj/output.mp4',
            contentType: 'video/mp4',
          },
        },
        usage: { requests: 1 },
      },
    });
  });

  it('reports a succeeded prediction without a video as bad output', () => {
    const body = { ...fixture('replicate-wan-succeeded'), output: null };
    expect(() =>
      task.start.mapResponse({
        input: { inputs: 'x' },
        context,
        response: { status: 201, headers: {}, body },
      }),
    ).toThrow(UpstreamOutputError);
  });
});
