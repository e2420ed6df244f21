import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { wavDurationMs } from '../media/wav-duration-ms.js';
import { createProviderSimulator } from './create-provider-simulator.js';
import { fixtureTaskProfile, FIXTURE_TASK_PROFILE_ID as LAB } from './fixture-task-profile.test-helpers.js';
import type { ProviderSimulator } from './simulator-types.js';

describe('simulator task routes', () => {
  let simulator: ProviderSimulator;
  const keyHeader = () => ({ authorization: `Key ${simulator.apiKeyFor(LAB)}` });
  const post = (path: string, body: unknown, headers: Record<string, string> = keyHeader()) =>
    fetch(`${simulator.baseUrlFor(LAB)}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const get = (url: string, headers: Record<string, string> = keyHeader()) => fetch(url, { headers });

  beforeAll(async () => {
    simulator = await createProviderSimulator({ providers: [LAB, 'groq'], profiles: [fixtureTaskProfile] });
  });
  beforeEach(() => {
    simulator.clearFaults();
    simulator.resetCalls();
  });
  afterAll(() => simulator.close());

  describe('auth scheme', () => {
    it("checks the key in the profile's scheme (Key <key>), answering the missing and wrong key bodies", async () => {
      expect((await post('/v1/images', { prompt: 'a' })).status).toBe(200);
      const bearer = await post(
        '/v1/images',
        { prompt: 'a' },
        { authorization: `Bearer ${simulator.apiKeyFor(LAB)}` },
      );
      expect(bearer.status).toBe(401);
      expect(await bearer.json()).toEqual({ detail: 'Invalid key' });
      const missing = await post('/v1/images', { prompt: 'a' }, {});
      expect(await missing.json()).toEqual({ detail: 'Missing key' });
    });

    it('keeps Bearer as the default for profiles that state no scheme', async () => {
      const response = await fetch(`${simulator.baseUrlFor('groq')}/openai/v1/models`, {
        headers: { authorization: `Key ${simulator.apiKeyFor('groq')}` },
      });
      expect(response.status).toBe(401);
    });
  });

  describe('routing', () => {
    it('serves a profile without chat routes, answering unknown routes (chat included) with its 404', async () => {
      expect(fixtureTaskProfile.routes.chatCompletions).toBeUndefined();
      const chat = await post('/v1/chat/completions', { model: 'lab/flux', messages: [] });
      expect(chat.status).toBe(404);
      const wrongMethod = await get(`${simulator.baseUrlFor(LAB)}/v1/images`);
      expect(wrongMethod.status).toBe(404);
    });

    it('passes captured params, query and the raw body to the route, and records the call', async () => {
      const bytes = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80, 13, 10]);
      const response = await fetch(`${simulator.baseUrlFor(LAB)}/v1/upload?x=1`, {
        method: 'POST',
        headers: { ...keyHeader(), 'content-type': 'audio/wav' },
        body: bytes,
      });
      const answer = (await response.json()) as { bytes: number; contentType: string };
      expect(answer).toMatchObject({ bytes: 8, contentType: 'audio/wav' });
      const call = simulator.calls[0]!;
      expect(call.path).toBe('/v1/upload?x=1');
      expect(Buffer.compare(call.rawBody, bytes)).toBe(0);
    });

    it('keeps a multipart upload byte for byte', async () => {
      const form = new FormData();
      form.append(
        'file',
        new Blob([Uint8Array.from([0xff, 0xd8, 0x00, 0x9c])], { type: 'image/jpeg' }),
        'a.jpg',
      );
      form.append('model', 'lab/flux');
      const request = new Request(`${simulator.baseUrlFor(LAB)}/v1/upload`, { method: 'POST', body: form });
      const sent = Buffer.from(await request.clone().arrayBuffer());
      await fetch(request, {
        headers: { ...keyHeader(), 'content-type': request.headers.get('content-type')! },
      });
      expect(Buffer.compare(simulator.calls[0]!.rawBody, sent)).toBe(0);
      expect(simulator.calls[0]!.rawBody.includes(Buffer.from([0xff, 0xd8, 0x00, 0x9c]))).toBe(true);
    });
  });

  describe('media', () => {
    it('serves stored media by URL without a key, with its type and length, and records the fetch', async () => {
      const answer = (await (
        await post('/v1/images', { prompt: 'a lighthouse', width: 24, height: 16 })
      ).json()) as {
        images: { url: string }[];
      };
      const url = answer.images[0]!.url;
      expect(url).toMatch(new RegExp(`^${simulator.url}/__media/[0-9a-f]{24}\\.png$`));
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      const png = Buffer.from(await response.arrayBuffer());
      expect(response.headers.get('content-length')).toBe(String(png.length));
      expect(png.readUInt32BE(16)).toBe(24);
      expect(png.readUInt32BE(20)).toBe(16);
      const idat = png.subarray(41, 41 + png.readUInt32BE(33));
      expect(inflateSync(idat).length).toBe(16 * (1 + 24 * 3));
      expect(simulator.calls.at(-1)).toMatchObject({ providerId: '__media', method: 'GET', status: 200 });
    });

    it('answers 404 for media it does not have', async () => {
      expect((await fetch(`${simulator.url}/__media/0123456789abcdef01234567.png`)).status).toBe(404);
    });

    it('lets a test put media of its own', async () => {
      const url = simulator.media.put(Uint8Array.from([1, 2, 3]), 'application/octet-stream', 'bin');
      expect([...new Uint8Array(await (await fetch(url)).arrayBuffer())]).toEqual([1, 2, 3]);
    });
  });

  describe('faults on task routes', () => {
    it('answers a status fault with the profile body, before the route', async () => {
      simulator.injectFault(LAB, { kind: 'status', status: 503, times: 1 });
      const response = await post('/v1/images', { prompt: 'a' });
      expect(response.status).toBe(503);
      expect(simulator.calls[0]!.fault).toBe('status');
      expect((await post('/v1/images', { prompt: 'a' })).status).toBe(200);
    });

    it('garbles, resets and times out task routes too', async () => {
      simulator.injectFault(LAB, { kind: 'garbage', times: 1 });
      expect(await (await post('/v1/images', { prompt: 'a' })).text()).toMatch(/^<!DOCTYPE html>/);
      simulator.injectFault(LAB, { kind: 'reset', times: 1 });
      await expect(post('/v1/images', { prompt: 'a' })).rejects.toThrow();
      simulator.injectFault(LAB, { kind: 'timeout', times: 1 });
      const controller = new AbortController();
      const pending = fetch(`${simulator.baseUrlFor(LAB)}/v1/images`, {
        method: 'POST',
        headers: keyHeader(),
        signal: controller.signal,
      });
      await vi.waitFor(() => expect(simulator.calls).toHaveLength(3));
      controller.abort();
      await expect(pending).rejects.toThrow();
      await vi.waitFor(() => expect(simulator.calls[2]!.outcome).toBe('client-closed'));
    });

    it('truncates a binary answer halfway through, and stalls one', async () => {
      simulator.injectFault(LAB, { kind: 'truncate', afterChunks: 0, times: 1 });
      const truncated = await post('/v1/speech', { text: 'hello there' });
      expect(truncated.status).toBe(200);
      await expect(truncated.arrayBuffer()).rejects.toThrow();
      expect(simulator.calls[0]!.outcome).toBe('server-closed');
      simulator.injectFault(LAB, { kind: 'stall', afterChunks: 0, times: 1 });
      const controller = new AbortController();
      const stalled = await fetch(`${simulator.baseUrlFor(LAB)}/v1/speech`, {
        method: 'POST',
        headers: { ...keyHeader(), 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'hello there' }),
        signal: controller.signal,
      });
      const reader = stalled.body!.getReader();
      const first = await reader.read();
      expect(first.value!.length).toBeLessThan(44 + 50 * 11 * 32);
      controller.abort();
      await vi.waitFor(() => expect(simulator.calls[1]!.outcome).toBe('client-closed'));
    });

    it('serves binary answers whole without a fault', async () => {
      const response = await post('/v1/speech', { text: 'hello there' });
      expect(response.headers.get('content-type')).toBe('audio/wav');
      expect(wavDurationMs(new Uint8Array(await response.arrayBuffer()))).toBe(550);
    });
  });

  describe('jobs', () => {
    interface Submitted {
      request_id: string;
      status_url: string;
      response_url: string;
    }
    /** Jobs take 60 ms; the generous wait is for a loaded machine. */
    const settled = { timeout: 5000, interval: 20 };
    const statusOf = async (url: string) =>
      (await (await get(url)).json()) as { status: string; error?: string };

    it('moves a job from queued to running to completed, and serves its result', async () => {
      // Long enough that a loaded machine still sees the job before it completes.
      simulator.setLatency(LAB, { firstTokenMs: 3000 });
      try {
        const submitted = (await (
          await post('/queue/lab/video', { prompt: 'a cat', duration_ms: 2000 })
        ).json()) as Submitted;
        expect(submitted.status_url).toBe(
          `${simulator.baseUrlFor(LAB)}/queue/requests/${submitted.request_id}/status`,
        );
        const seen: string[] = [];
        for (let attempt = 0; seen.at(-1) !== 'COMPLETED' && attempt < 500; attempt += 1) {
          const early = await get(submitted.response_url);
          const { status } = await statusOf(submitted.status_url);
          // States only move forward, so a job still unfinished after the result fetch was unfinished during it.
          if (status !== 'COMPLETED') expect(early.status).toBe(400);
          if (seen.at(-1) !== status) seen.push(status);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect(['IN_QUEUE,IN_PROGRESS,COMPLETED', 'IN_PROGRESS,COMPLETED']).toContain(seen.join(','));
        const result = (await (await get(submitted.response_url)).json()) as { video: { url: string } };
        const video = await fetch(result.video.url);
        expect(video.headers.get('content-type')).toBe('video/mp4');
        const mp4 = Buffer.from(await video.arrayBuffer());
        expect(mp4.toString('latin1', 4, 8)).toBe('ftyp');
      } finally {
        simulator.setLatency(LAB, { firstTokenMs: 0 });
      }
    }, 20_000);

    it('ends the next job failed under a job-failure fault, with its message or the profile default', async () => {
      simulator.injectFault(LAB, { kind: 'job-failure', message: 'Out of memory', times: 1 });
      const failed = (await (await post('/queue/lab/video', { prompt: 'x' })).json()) as Submitted;
      expect(simulator.calls[0]!.fault).toBe('job-failure');
      await vi.waitFor(
        async () =>
          expect(await statusOf(failed.status_url)).toEqual({ status: 'COMPLETED', error: 'Out of memory' }),
        settled,
      );
      expect((await get(failed.response_url)).status).toBe(422);

      simulator.injectFault(LAB, { kind: 'job-failure', times: 1 });
      const defaulted = (await (await post('/queue/lab/video', { prompt: 'x' })).json()) as Submitted;
      await vi.waitFor(
        async () => expect((await statusOf(defaulted.status_url)).error).toBe('The model crashed'),
        settled,
      );

      const healthy = (await (await post('/queue/lab/video', { prompt: 'x' })).json()) as Submitted;
      await vi.waitFor(
        async () =>
          expect(await statusOf(healthy.status_url)).toMatchObject({
            status: 'COMPLETED',
            response: { video: {} },
          }),
        settled,
      );
      expect((await statusOf(healthy.status_url)).error).toBeUndefined();
    }, 20_000);

    it('answers an unknown job and an unknown model with the profile bodies', async () => {
      expect((await get(`${simulator.baseUrlFor(LAB)}/queue/requests/nope/status`)).status).toBe(404);
      const unknownModel = await post('/queue/lab/nothing', {});
      expect(unknownModel.status).toBe(404);
      expect(await unknownModel.json()).toEqual({ detail: 'No model lab/nothing' });
    });
  });
});
