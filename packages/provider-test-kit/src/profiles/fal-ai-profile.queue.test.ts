import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDataUrl } from '../media/data-url.js';
import { encodePng } from '../media/encode-png.js';
import { createProviderSimulator } from '../simulator/create-provider-simulator.js';
import type { ProviderSimulator } from '../simulator/simulator-types.js';
import { falAiProfile } from './fal-ai-profile.js';
import { bytesOf, falCall, pollUntilCompleted, submitToQueue } from './fal-ai-profile.test-helpers.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(bytes: Uint8Array): [number, number] {
  const view = Buffer.from(bytes);
  return [view.readUInt32BE(16), view.readUInt32BE(20)];
}

describe('fal queue', () => {
  let simulator: ProviderSimulator;
  beforeAll(async () => {
    simulator = await createProviderSimulator({ providers: ['fal-ai'], profiles: [falAiProfile] });
  });
  afterAll(() => simulator.close());

  it('queues a FLUX request and answers with its id and the URLs named by owner and app', async () => {
    const answer = await submitToQueue(simulator, 'fal-ai/flux/dev', { prompt: 'A lighthouse at dawn' });
    const base = `${simulator.baseUrlFor('fal-ai')}/fal-ai/flux/requests/${answer.request_id}`;
    expect(answer).toEqual({
      status: 'IN_QUEUE',
      request_id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      response_url: base,
      status_url: `${base}/status`,
      cancel_url: `${base}/cancel`,
      queue_position: 0,
    });
  });

  it("serves status, result and cancel at the paths Hugging Face's router forwards, with _subdomain=queue kept", async () => {
    const answer = await submitToQueue(simulator, 'fal-ai/flux/dev', { prompt: 'A lighthouse at dawn' });
    // The router forwards `/fal-ai{pathname of response_url}/status?_subdomain=queue` as fal's own path.
    const path = `/fal-ai/flux/requests/${answer.request_id}`;
    let status: Record<string, unknown> = {};
    for (let attempt = 0; attempt < 400 && status.status !== 'COMPLETED'; attempt += 1) {
      const response = await falCall(simulator, 'GET', `${path}/status?_subdomain=queue`);
      status = (await response.json()) as Record<string, unknown>;
      if (status.status !== 'COMPLETED') await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(status).toMatchObject({ status: 'COMPLETED', request_id: answer.request_id });
    const result = await falCall(simulator, 'GET', `${path}?_subdomain=queue`);
    expect(result.status).toBe(200);
    expect(result.headers.get('x-fal-billable-units')).toBe('1');
    expect(((await result.json()) as { images: unknown[] }).images).toHaveLength(1);
    const late = await falCall(simulator, 'PUT', `${path}/cancel?_subdomain=queue`);
    expect([late.status, await late.json()]).toEqual([400, { status: 'ALREADY_COMPLETED' }]);
  });

  it('moves through IN_QUEUE and IN_PROGRESS (202) to COMPLETED (200) with logs and inference time', async () => {
    const slow = await createProviderSimulator({
      providers: ['fal-ai'],
      profiles: [falAiProfile],
      // Long enough that a loaded machine still sees the queued fifth of it.
      latency: { firstTokenMs: 3_000 },
    });
    try {
      const answer = await submitToQueue(slow, 'fal-ai/flux/schnell', {
        prompt: 'A fox',
        num_images: 2,
        image_size: { width: 64, height: 64 },
      });
      const seen = await pollUntilCompleted(slow, answer.status_url);
      const states = [...new Set(seen.map(({ body }) => body.status))];
      expect(states).toEqual(['IN_QUEUE', 'IN_PROGRESS', 'COMPLETED']);
      expect(seen.filter(({ body }) => body.status !== 'COMPLETED').every(({ code }) => code === 202)).toBe(
        true,
      );
      expect(seen.find(({ body }) => body.status === 'IN_QUEUE')?.body.queue_position).toBe(0);
      const completed = seen.at(-1)!;
      expect(completed.code).toBe(200);
      expect(completed.body).toMatchObject({
        status: 'COMPLETED',
        request_id: answer.request_id,
        response_url: answer.response_url,
        metrics: { inference_time: expect.any(Number) },
        logs: [
          expect.objectContaining({ message: expect.stringMatching(/Generating 2 image/), level: 'INFO' }),
        ],
      });
    } finally {
      await slow.close();
    }
  });

  it('serves the result: real PNGs at the asked size and the megapixels fal bills', async () => {
    const answer = await submitToQueue(simulator, 'fal-ai/flux/dev', {
      prompt: 'A lighthouse at dawn',
      image_size: { width: 1536, height: 1024 },
      seed: 7,
    });
    await pollUntilCompleted(simulator, answer.status_url);
    const response = await falCall(simulator, 'GET', answer.response_url);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-fal-billable-units')).toBe('2');
    expect(response.headers.get('x-fal-request-id')).toBe(answer.request_id);
    const body = (await response.json()) as { images: { url: string }[]; seed: number; prompt: string };
    expect(body).toMatchObject({
      images: [{ width: 1536, height: 1024, content_type: 'image/png' }],
      seed: 7,
      prompt: 'A lighthouse at dawn',
      has_nsfw_concepts: [false],
      timings: { inference: expect.any(Number) },
    });
    const image = await bytesOf(body.images[0]!.url);
    expect(image.contentType).toBe('image/png');
    expect([...image.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(image.bytes)).toEqual([1536, 1024]);
  });

  it('answers a result read before completion with "Request is still in progress"', async () => {
    const slow = await createProviderSimulator({
      providers: ['fal-ai'],
      profiles: [falAiProfile],
      latency: { firstTokenMs: 2_000 },
    });
    try {
      const answer = await submitToQueue(slow, 'fal-ai/flux/dev', { prompt: 'A fox' });
      const response = await falCall(slow, 'GET', answer.response_url);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ detail: 'Request is still in progress' });
    } finally {
      await slow.close();
    }
  });

  it('edits with Kontext at about a megapixel in the source image shape', async () => {
    const source = toDataUrl(encodePng({ width: 200, height: 100, seed: 1 }), 'image/png');
    const answer = await submitToQueue(simulator, 'fal-ai/flux-kontext/dev', {
      prompt: 'Make it night',
      image_url: source,
    });
    await pollUntilCompleted(simulator, answer.status_url);
    const body = (await (await falCall(simulator, 'GET', answer.response_url)).json()) as {
      images: { url: string; width: number; height: number }[];
    };
    expect(body.images[0]).toMatchObject({ width: 1456, height: 720 });
    expect(pngSize((await bytesOf(body.images[0]!.url)).bytes)).toEqual([1456, 720]);
  });

  it('makes a Wan clip of num_frames at 16 fps and bills its 16-frame seconds', async () => {
    const answer = await submitToQueue(simulator, 'fal-ai/wan/v2.2-a14b/text-to-video', {
      prompt: 'A fox in the snow',
      num_frames: 33,
      resolution: '480p',
      aspect_ratio: '9:16',
    });
    expect(answer.response_url).toContain('/fal-ai/wan/requests/');
    await pollUntilCompleted(simulator, answer.status_url);
    const response = await falCall(simulator, 'GET', answer.response_url);
    expect(response.headers.get('x-fal-billable-units')).toBe('2.0625');
    const body = (await response.json()) as {
      video: { url: string; content_type: string; file_size: number };
    };
    expect(body.video.content_type).toBe('video/mp4');
    const video = await bytesOf(body.video.url);
    expect(video.contentType).toBe('video/mp4');
    expect(video.bytes.length).toBe(body.video.file_size);
    expect(Buffer.from(video.bytes.subarray(4, 8)).toString('ascii')).toBe('ftyp');
  });

  it('takes invalid input into the queue and answers it at the result with a 422 field list', async () => {
    const answer = await submitToQueue(simulator, 'fal-ai/flux/dev', { num_images: 9 });
    const seen = await pollUntilCompleted(simulator, answer.status_url);
    expect(seen.at(-1)!.body.error).toBeUndefined();
    const response = await falCall(simulator, 'GET', answer.response_url);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      detail: [{ loc: ['body', 'prompt'], msg: 'Field required', type: 'missing' }],
    });
  });

  it("ends a request hit by a job-failure fault COMPLETED with fal's error fields, and its result with 504", async () => {
    simulator.injectFault('fal-ai', { kind: 'job-failure', times: 1 });
    const answer = await submitToQueue(simulator, 'fal-ai/flux/dev', { prompt: 'A fox' });
    const seen = await pollUntilCompleted(simulator, answer.status_url);
    expect(seen.at(-1)!.body).toMatchObject({
      status: 'COMPLETED',
      error: 'Request timed out',
      error_type: 'request_timeout',
    });
    const response = await falCall(simulator, 'GET', answer.response_url);
    expect(response.status).toBe(504);
    expect(response.headers.get('x-fal-error-type')).toBe('request_timeout');
    expect(await response.json()).toEqual({ detail: 'Request timed out', error_type: 'request_timeout' });
  });

  it('cancels a request that has not finished, and refuses one that has', async () => {
    const slow = await createProviderSimulator({
      providers: ['fal-ai'],
      profiles: [falAiProfile],
      latency: { firstTokenMs: 2_000 },
    });
    try {
      const answer = await submitToQueue(slow, 'fal-ai/flux/dev', { prompt: 'A fox' });
      const cancelled = await falCall(slow, 'PUT', answer.cancel_url);
      expect(cancelled.status).toBe(202);
      expect(await cancelled.json()).toEqual({ status: 'CANCELLATION_REQUESTED' });
      const status = (await (await falCall(slow, 'GET', answer.status_url)).json()) as Record<
        string,
        unknown
      >;
      expect(status).toMatchObject({ status: 'COMPLETED', error: 'Request was cancelled' });
      const again = await falCall(slow, 'PUT', answer.cancel_url);
      expect([again.status, await again.json()]).toEqual([400, { status: 'ALREADY_COMPLETED' }]);
    } finally {
      await slow.close();
    }
    const done = await submitToQueue(simulator, 'fal-ai/flux/dev', { prompt: 'A fox' });
    await pollUntilCompleted(simulator, done.status_url);
    expect((await falCall(simulator, 'PUT', done.cancel_url)).status).toBe(400);
  });

  it('answers unknown request ids and apps the way fal does', async () => {
    const base = simulator.baseUrlFor('fal-ai');
    const status = await falCall(simulator, 'GET', `${base}/fal-ai/flux/requests/nope/status`);
    expect([status.status, await status.json()]).toEqual([404, { status: 'NOT_FOUND' }]);
    const result = await falCall(simulator, 'GET', `${base}/fal-ai/flux/requests/nope`);
    expect([result.status, await result.json()]).toEqual([404, { detail: 'Request not found' }]);
    const answer = await submitToQueue(simulator, 'fal-ai/flux/dev', { prompt: 'A fox' });
    const wrongApp = await falCall(
      simulator,
      'GET',
      `${base}/fal-ai/whisper/requests/${answer.request_id}/status`,
    );
    expect(wrongApp.status).toBe(404);
    const unknownModel = await falCall(simulator, 'POST', '/fal-ai/not-a-model?_subdomain=queue', {
      body: {},
    });
    expect([unknownModel.status, await unknownModel.json()]).toEqual([
      404,
      { detail: "Application 'fal-ai/not-a-model' not found" },
    ]);
  });

  it('checks the key in the Key scheme, with FastAPI detail bodies', async () => {
    const missing = await falCall(simulator, 'POST', '/fal-ai/flux/dev?_subdomain=queue', {
      body: { prompt: 'x' },
      key: null,
    });
    expect([missing.status, await missing.json()]).toEqual([
      401,
      { detail: 'Authorization header is required' },
    ]);
    const wrong = await fetch(`${simulator.baseUrlFor('fal-ai')}/fal-ai/flux/dev?_subdomain=queue`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${simulator.apiKeyFor('fal-ai')}`,
        'content-type': 'application/json',
      },
      body: '{"prompt":"x"}',
    });
    expect([wrong.status, await wrong.json()]).toEqual([401, { detail: 'Invalid API key' }]);
  });

  it("answers an injected status fault with fal's request-error body", async () => {
    simulator.injectFault('fal-ai', { kind: 'status', status: 503, times: 1 });
    const response = await falCall(simulator, 'POST', '/fal-ai/flux/dev?_subdomain=queue', {
      body: { prompt: 'x' },
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('x-fal-error-type')).toBe('runner_scheduling_failure');
    expect(await response.json()).toMatchObject({ error_type: 'runner_scheduling_failure' });
  });
});
