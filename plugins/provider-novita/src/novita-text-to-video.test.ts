import { readFileSync } from 'node:fs';
import { InputError, UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { POLL_AFTER_MS } from './create-text-to-video-task.js';
import { novitaPlugin } from './novita-plugin.js';

const context = {
  requestId: 'req-1',
  providerId: 'novita',
  hfModelId: 'Wan-AI/Wan2.1-T2V-14B',
  providerModelId: 'wan-t2v',
};
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/novita-${name}.json`, import.meta.url), 'utf8'));
const ok = (body: unknown) => ({ status: 200, headers: {}, body });
const handler = () => {
  const task = novitaPlugin.tasks['text-to-video'];
  if (task?.kind !== 'queued') throw new Error('text-to-video must be a queued task');
  return task;
};
const operation = { id: '2f9a6e1c-4b7d-4c3a-9e85-1d0b7c6a5f42', state: {} };
const input = { inputs: 'A fox in the snow' };

describe('Novita text-to-video', () => {
  it('posts to /v3/async/<model> with steps for num_inference_steps', () => {
    const request = handler().start.mapRequest({
      input: {
        inputs: 'A fox in the snow',
        parameters: { width: 1280, height: 720, num_inference_steps: 25, guidance_scale: 5, seed: 7 },
      },
      context,
    });
    expect(request).toMatchInlineSnapshot(`
      {
        "body": {
          "kind": "json",
          "value": {
            "guidance_scale": 5,
            "height": 720,
            "prompt": "A fox in the snow",
            "seed": 7,
            "steps": 25,
            "width": 1280,
          },
        },
        "expect": "json",
        "method": "POST",
        "path": "/v3/async/wan-t2v",
      }
    `);
  });

  it('refuses parameters Novita has no field for, and an empty prompt', () => {
    for (const bad of [
      { inputs: 'x', parameters: { num_frames: 81 } },
      { inputs: 'x', parameters: { duration_seconds: 5 } },
      { inputs: '' },
    ]) {
      expect(() => handler().start.mapRequest({ input: bad, context }), JSON.stringify(bad)).toThrowError(
        InputError,
      );
    }
  });

  it('turns the task_id into an operation and polls task-result with it', () => {
    const started = handler().start.mapResponse({ input, context, response: ok(fixture('video-submit')) });
    expect(started).toEqual({ operation: { ...operation, pollAfterMs: POLL_AFTER_MS } });
    expect(handler().status.mapRequest({ input, context, operation })).toEqual({
      method: 'GET',
      path: '/v3/async/task-result',
      query: { task_id: '2f9a6e1c-4b7d-4c3a-9e85-1d0b7c6a5f42' },
      body: { kind: 'none' },
      expect: 'json',
    });
  });

  it('refuses a submit answer without a task_id', () => {
    expect(() => handler().start.mapResponse({ input, context, response: ok({}) })).toThrowError(
      UpstreamOutputError,
    );
  });

  it('stays pending while the task is queued or processing', () => {
    const queued = { task: { task_id: operation.id, status: 'TASK_STATUS_QUEUED' }, videos: [] };
    for (const body of [queued, fixture('video-processing')]) {
      expect(handler().status.mapResponse({ input, context, operation, response: ok(body) })).toEqual({
        state: 'pending',
        pollAfterMs: POLL_AFTER_MS,
      });
    }
  });

  it('returns the first video as a URL and meters one request', () => {
    expect(
      handler().status.mapResponse({ input, context, operation, response: ok(fixture('video-succeed')) }),
    ).toEqual({
      state: 'completed',
      result: {
        output: {
          video: {
            kind: 'url',
            url: 'https://faas-output-video.s3.ap-southeast-1.amazonaws.com/prod/2f9a6e1c-4b7d-4c3a-9e85-1d0b7c6a5f42/0.mp4',
            contentType: 'video/mp4',
          },
        },
        usage: { requests: 1 },
      },
    });
  });

  it("reports a failed task with Novita's reason", () => {
    expect(
      handler().status.mapResponse({ input, context, operation, response: ok(fixture('video-failed')) }),
    ).toEqual({ state: 'failed', message: 'The prompt was rejected by the content safety checker.' });
  });

  it('refuses a succeeded task without a video and a body without a status', () => {
    const empty = { task: { task_id: operation.id, status: 'TASK_STATUS_SUCCEED' }, videos: [] };
    expect(() =>
      handler().status.mapResponse({ input, context, operation, response: ok(empty) }),
    ).toThrowError(/without a video URL/);
    expect(() => handler().status.mapResponse({ input, context, operation, response: ok({}) })).toThrowError(
      UpstreamOutputError,
    );
  });
});
