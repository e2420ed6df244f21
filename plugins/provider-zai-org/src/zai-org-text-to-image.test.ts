import { readFileSync } from 'node:fs';
import { InputError, UpstreamApiError, UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { POLL_AFTER_MS } from './create-text-to-image-task.js';
import { zaiOrgPlugin } from './zai-org-plugin.js';

const context = {
  requestId: 'req-1',
  providerId: 'zai-org',
  hfModelId: 'zai-org/GLM-Image',
  providerModelId: 'glm-image',
};
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/zai-org-${name}.json`, import.meta.url), 'utf8'));
const ok = (body: unknown) => ({ status: 200, headers: {}, body });
const handler = () => {
  const task = zaiOrgPlugin.tasks['text-to-image'];
  if (task?.kind !== 'queued') throw new Error('text-to-image must be a queued task');
  return task;
};
const input = { inputs: 'A kitten on a sunny windowsill' };
const operation = { id: '8120000053284195428-9038725514112349123', state: {} };

describe('Z.ai text-to-image', () => {
  it("posts to the async image route with Z.ai's model id and a WxH size", () => {
    expect(
      handler().start.mapRequest({
        input: { inputs: 'A kitten on a sunny windowsill', parameters: { width: 1568, height: 1056 } },
        context,
      }),
    ).toMatchInlineSnapshot(`
      {
        "body": {
          "kind": "json",
          "value": {
            "model": "glm-image",
            "prompt": "A kitten on a sunny windowsill",
            "size": "1568x1056",
          },
        },
        "expect": "json",
        "method": "POST",
        "path": "/api/paas/v4/async/images/generations",
      }
    `);
  });

  it('refuses what Z.ai cannot do: several images, unsupported parameters, half a size, no prompt', () => {
    for (const bad of [
      { inputs: 'x', parameters: { num_images: 2 } },
      { inputs: 'x', parameters: { seed: 1 } },
      { inputs: 'x', parameters: { negative_prompt: 'dogs' } },
      { inputs: 'x', parameters: { width: 1024 } },
      { inputs: ' ' },
    ]) {
      expect(() => handler().start.mapRequest({ input: bad, context }), JSON.stringify(bad)).toThrowError(
        InputError,
      );
    }
  });

  it('turns the task into an operation polled at /async-result/<id> every 2 s', () => {
    const started = handler().start.mapResponse({ input, context, response: ok(fixture('image-submit')) });
    expect(started).toEqual({ operation: { ...operation, pollAfterMs: POLL_AFTER_MS } });
    expect(handler().status.mapRequest({ input, context, operation })).toEqual({
      method: 'GET',
      path: '/api/paas/v4/async-result/8120000053284195428-9038725514112349123',
      body: { kind: 'none' },
      expect: 'json',
    });
  });

  it('is pending while PROCESSING, and returns the image as a URL metered per image on SUCCESS', () => {
    const status = (name: string) =>
      handler().status.mapResponse({ input, context, operation, response: ok(fixture(name)) });
    expect(status('image-processing')).toEqual({ state: 'pending', pollAfterMs: POLL_AFTER_MS });
    expect(status('image-success')).toEqual({
      state: 'completed',
      result: {
        output: {
          images: [
            {
              kind: 'url',
              url: 'https://aigc-files.bigmodel.cn/api/cogview/20261201174134a1b2c3d4e5f64f7b_0.png',
              contentType: 'image/png',
            },
          ],
        },
        usage: { images: 1 },
      },
    });
  });

  it('reports FAIL as a failed task, with the message when Z.ai gives one', () => {
    expect(
      handler().status.mapResponse({ input, context, operation, response: ok(fixture('image-fail')) }),
    ).toEqual({ state: 'failed', message: `image task ${operation.id} ended with task_status FAIL` });
    const withMessage = { task_status: 'FAIL', error: { code: '1301', message: 'Unsafe content detected' } };
    expect(handler().status.mapResponse({ input, context, operation, response: ok(withMessage) })).toEqual({
      state: 'failed',
      message: 'Unsafe content detected',
    });
  });

  it('throws a non-retryable upstream error when the submit comes back failed', () => {
    const failed = { model: 'glm-image', id: 't1', request_id: 'r1', task_status: 'FAIL' };
    try {
      handler().start.mapResponse({ input, context, response: ok(failed) });
      expect.unreachable();
    } catch (error) {
      expect(UpstreamApiError.isInstance(error)).toBe(true);
      expect((error as UpstreamApiError).isRetryable).toBe(false);
    }
  });

  it('refuses answers without an id, a status or an image', () => {
    const call = (start: boolean, body: unknown) =>
      start
        ? handler().start.mapResponse({ input, context, response: ok(body) })
        : handler().status.mapResponse({ input, context, operation, response: ok(body) });
    expect(() => call(true, { task_status: 'PROCESSING' })).toThrowError(UpstreamOutputError);
    expect(() => call(false, {})).toThrowError(UpstreamOutputError);
    expect(() => call(false, { task_status: 'SUCCESS', image_result: [] })).toThrowError(
      /without an image URL/,
    );
  });
});
