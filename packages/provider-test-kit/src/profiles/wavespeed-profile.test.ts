import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findBox } from '../media/iso-box-reader.test-helpers.js';
import { createProviderSimulator } from '../simulator/create-provider-simulator.js';
import type { ProviderSimulator } from '../simulator/simulator-types.js';

interface Prediction {
  id: string;
  model: string;
  status: string;
  outputs: string[];
  urls: { get: string };
  error: string;
  has_nsfw_contents: boolean[];
}
interface Envelope {
  code: number;
  message: string;
  data: Prediction | null;
}

let simulator: ProviderSimulator;
beforeAll(async () => {
  simulator = await createProviderSimulator({ providers: ['wavespeed'] });
});
afterAll(() => simulator.close());
beforeEach(() => simulator.clearFaults());

const auth = (key = 'sim-wavespeed-key') => ({ authorization: `Bearer ${key}` });

async function submit(
  model: string,
  body: unknown,
  key?: string,
): Promise<{ status: number; body: Envelope }> {
  const response = await fetch(`${simulator.baseUrlFor('wavespeed')}/api/v3/${model}`, {
    method: 'POST',
    headers: { ...auth(key), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Envelope };
}

async function poll(getUrl: string): Promise<Prediction[]> {
  const seen: Prediction[] = [];
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const response = await fetch(getUrl, { headers: auth() });
    const { data } = (await response.json()) as Envelope;
    seen.push(data!);
    if (data!.status === 'completed' || data!.status === 'failed') return seen;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the prediction never finished');
}

async function download(url: string): Promise<{ type: string | null; bytes: Uint8Array }> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return { type: response.headers.get('content-type'), bytes: new Uint8Array(await response.arrayBuffer()) };
}

/** Width and height from a PNG's IHDR, after checking its signature and that its IDAT inflates. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const buffer = Buffer.from(bytes);
  expect(buffer.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const idat = buffer.indexOf('IDAT');
  inflateSync(buffer.subarray(idat + 4, idat + 4 + buffer.readUInt32BE(idat - 4)));
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

describe('wavespeed dialect', () => {
  it('accepts a prediction with a 32-hex id and a result URL under its base URL, then completes it', async () => {
    const submitted = await submit('wavespeed-ai/flux-dev', {
      prompt: 'A lighthouse at dawn',
      size: '640*512',
      num_images: 2,
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      code: 200,
      message: 'success',
      data: { status: 'created', outputs: [] },
    });
    const { id, urls } = submitted.body.data!;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(urls.get).toBe(`${simulator.baseUrlFor('wavespeed')}/api/v3/predictions/${id}/result`);

    const states = await poll(urls.get);
    const done = states.at(-1)!;
    expect(done).toMatchObject({ id, model: 'wavespeed-ai/flux-dev', status: 'completed', error: '' });
    // The guide's shorter result path answers the same prediction.
    const shorter = await fetch(urls.get.replace(/\/result$/, ''), { headers: auth() });
    expect(((await shorter.json()) as { data: unknown }).data).toEqual(done);
    expect(done.has_nsfw_contents).toEqual([false, false]);
    expect(done.outputs).toHaveLength(2);
    for (const url of done.outputs) {
      const file = await download(url);
      expect(file.type).toBe('image/png');
      expect(pngSize(file.bytes)).toEqual({ width: 640, height: 512 });
    }
  });

  it('makes a real MP4 of the requested length for a video model', async () => {
    const submitted = await submit('wavespeed-ai/wan-2.1/t2v-480p', { prompt: 'A fox', duration: 10 });
    const done = (await poll(submitted.body.data!.urls.get)).at(-1)!;
    const file = await download(done.outputs[0]!);
    expect(file.type).toBe('video/mp4');
    const mvhd = findBox(file.bytes, ['moov', 'mvhd']).payload;
    expect(mvhd.getUint32(16) / mvhd.getUint32(12)).toBe(10);
  });

  it('answers a sync-mode request only once the prediction is done, and base64 outputs when asked', async () => {
    const submitted = await submit('wavespeed-ai/flux-schnell', {
      prompt: 'A kite',
      size: '512*512',
      enable_sync_mode: true,
      enable_base64_output: true,
    });
    expect(submitted.body.data).toMatchObject({ status: 'completed' });
    expect(pngSize(Buffer.from(submitted.body.data!.outputs[0]!, 'base64'))).toEqual({
      width: 512,
      height: 512,
    });
  });

  it('ends a prediction failed with the fault message under a job-failure fault', async () => {
    simulator.injectFault('wavespeed', { kind: 'job-failure', message: 'NSFW content detected', times: 1 });
    const submitted = await submit('wavespeed-ai/wan-2.2/i2v-480p-ultra-fast', {
      image: 'https://example.com/first-frame.png',
      duration: 8,
    });
    expect(submitted.status).toBe(200);
    const done = (await poll(submitted.body.data!.urls.get)).at(-1)!;
    expect(done).toMatchObject({ status: 'failed', error: 'NSFW content detected', outputs: [] });
  });

  it('refuses invalid input, unknown models, bad keys and unknown predictions in its envelope', async () => {
    expect(await submit('wavespeed-ai/flux-dev', { size: '512*512' })).toEqual({
      status: 400,
      body: { code: 400, message: 'prompt: is required', data: null },
    });
    expect((await submit('wavespeed-ai/flux-dev', { prompt: 'x', size: '4096*4096' })).status).toBe(400);
    expect((await submit('wavespeed-ai/wan-2.1/t2v-480p', { prompt: 'x', duration: 7 })).body.message).toBe(
      'duration: must be one of 5, 10',
    );
    expect((await submit('wavespeed-ai/hidream-e1-full', { prompt: 'x' })).body.message).toBe(
      'image: is required',
    );
    expect((await submit('wavespeed-ai/no-such-model', { prompt: 'x' })).status).toBe(404);
    expect(await submit('wavespeed-ai/flux-dev', { prompt: 'x' }, 'wrong')).toMatchObject({
      status: 401,
      body: { code: 401 },
    });
    const missing = await fetch(`${simulator.baseUrlFor('wavespeed')}/api/v3/predictions/feedface/result`, {
      headers: auth(),
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 404, data: null });
  });

  it('answers an injected status fault with its envelope', async () => {
    simulator.injectFault('wavespeed', { kind: 'status', status: 500, times: 1 });
    expect(await submit('wavespeed-ai/flux-dev', { prompt: 'x' })).toMatchObject({
      status: 500,
      body: { code: 500, message: expect.any(String) },
    });
  });
});
