import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, TASK_PLUGINS, type TestGateway } from '../test-gateway.test-helpers.js';
import { decodeBase64DataUrl, pngSize, postJson } from './task-api.test-helpers.js';

const SCHNELL = 'black-forest-labs/FLUX.1-schnell';

interface ImageList {
  created: number;
  data: { url?: string; b64_json?: string }[];
}

async function images(response: Response): Promise<ImageList> {
  expect(response.status).toBe(200);
  return (await response.json()) as ImageList;
}

describe('POST /v1/images/generations', () => {
  let test: TestGateway;
  beforeAll(async () => {
    test = await startTestGateway({ plugins: TASK_PLUGINS });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('returns a Together image (bytes upstream) as base64, and as a data: URL when a URL is asked for', async () => {
    const body = { model: `${SCHNELL}:together`, prompt: 'A lighthouse at dusk', size: '64x48', seed: 7 };
    const asBase64 = await postJson(test, '/v1/images/generations', { ...body, response_format: 'b64_json' });
    expect(asBase64.headers.get('x-inference-provider')).toBe('together');
    const encoded = await images(asBase64);
    expect(encoded.created).toBeCloseTo(Date.now() / 1000, -2);
    expect(encoded.data).toHaveLength(1);
    const png = new Uint8Array(Buffer.from(encoded.data[0]!.b64_json!, 'base64'));
    expect(pngSize(png)).toEqual({ width: 64, height: 48 });
    expect(test.simulator.calls.at(-1)!.body).toMatchObject({
      model: SCHNELL,
      prompt: 'A lighthouse at dusk',
      width: 64,
      height: 48,
      seed: 7,
    });

    const asUrl = await images(await postJson(test, '/v1/images/generations', body));
    const { contentType, bytes } = decodeBase64DataUrl(asUrl.data[0]!.url!);
    expect(contentType).toBe('image/png');
    // The same prompt and seed give the same simulated image.
    expect(bytes).toEqual(png);
  });

  it('hands a Replicate image URL on as it is, and fetches it for b64_json', async () => {
    const body = { model: `${SCHNELL}:replicate`, prompt: 'A harbour in fog', size: '1024x768', n: 2 };
    const asUrl = await images(await postJson(test, '/v1/images/generations', body));
    expect(asUrl.data).toHaveLength(2);
    const url = asUrl.data[0]!.url!;
    expect(url.startsWith(`${test.simulator.url}/`)).toBe(true);
    const served = new Uint8Array(await (await fetch(url)).arrayBuffer());
    // Replicate's FLUX takes an aspect ratio, not a size: 1024x768 becomes 4:3.
    const { width, height } = pngSize(served);
    expect(width / height).toBeCloseTo(4 / 3, 1);
    expect(test.simulator.calls.filter((call) => call.providerId === 'replicate').at(-1)!.body).toMatchObject(
      {
        input: { prompt: 'A harbour in fog', aspect_ratio: '4:3', num_outputs: 2 },
      },
    );

    const mediaFetches = () => test.simulator.calls.filter((call) => call.providerId === '__media').length;
    const before = mediaFetches();
    const asBase64 = await images(
      await postJson(test, '/v1/images/generations', { ...body, response_format: 'b64_json' }),
    );
    expect(asBase64.data).toHaveLength(2);
    for (const item of asBase64.data) {
      expect(item.url).toBeUndefined();
      const png = new Uint8Array(Buffer.from(item.b64_json!, 'base64'));
      expect(pngSize(png).width / pngSize(png).height).toBeCloseTo(4 / 3, 1);
    }
    // The gateway fetched both images from the provider's media URLs, without the provider key.
    const fetched = test.simulator.calls.filter((call) => call.providerId === '__media').slice(before);
    expect(fetched).toHaveLength(2);
    for (const call of fetched) expect(call.headers.authorization).toBeUndefined();
  });

  it('polls a queued provider (WaveSpeed) through the kernel until the image is ready', async () => {
    const response = await postJson(test, '/v1/images/generations', {
      model: `${SCHNELL}:wavespeed`,
      prompt: 'A tugboat',
      size: '512x640',
      response_format: 'b64_json',
    });
    expect(response.headers.get('x-inference-provider')).toBe('wavespeed');
    const png = new Uint8Array(Buffer.from((await images(response)).data[0]!.b64_json!, 'base64'));
    expect(pngSize(png)).toEqual({ width: 512, height: 640 });
    const wavespeed = test.simulator.calls.filter((call) => call.providerId === 'wavespeed').slice(-2);
    expect(wavespeed.map((call) => call.method)).toEqual(['POST', 'GET']);
    expect(wavespeed[1]!.path).toMatch(/^\/api\/v3\/predictions\/[0-9a-f]+\/result$/);
  });

  // fal's queue answers COMPLETED on its status URL and the image on a second URL, which its status handler names
  // as the next operation to poll (`QueuedStatusV1.operation`).
  it('returns a fal-ai image from its queue, as a URL and as base64', async () => {
    const body = { model: `${SCHNELL}:fal-ai`, prompt: 'A pier', size: '96x64' };
    const asUrl = await images(await postJson(test, '/v1/images/generations', body));
    const served = new Uint8Array(await (await fetch(asUrl.data[0]!.url!)).arrayBuffer());
    expect(pngSize(served)).toEqual({ width: 96, height: 64 });
    const asBase64 = await images(
      await postJson(test, '/v1/images/generations', { ...body, response_format: 'b64_json' }),
    );
    expect(pngSize(new Uint8Array(Buffer.from(asBase64.data[0]!.b64_json!, 'base64')))).toEqual({
      width: 96,
      height: 64,
    });
  });

  it.each([
    [{ model: SCHNELL, prompt: 'x', size: 'large' }, 'size', /WIDTHxHEIGHT/],
    [{ model: SCHNELL, prompt: 'x', size: '0x512' }, 'size', /WIDTHxHEIGHT/],
    [{ model: SCHNELL, prompt: 'x', n: 11 }, 'n', /n/],
    [{ model: SCHNELL, prompt: '' }, 'prompt', /prompt/],
    [{ model: SCHNELL }, 'prompt', /required property 'prompt'/],
    [{ model: SCHNELL, prompt: 'x', response_format: 'png' }, 'response_format', /allowed values/],
    [{ model: SCHNELL, prompt: 'x', seed: 1.5 }, 'seed', /integer/],
  ])('rejects %j with a 400 naming %s', async (body, param, message) => {
    const calls = test.simulator.calls.length;
    const response = await postJson(test, '/v1/images/generations', body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { param: string; message: string } };
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
    expect(test.simulator.calls.length).toBe(calls);
  });

  it("passes a provider's own refusal of a size on, with the provider named", async () => {
    const response = await postJson(test, '/v1/images/generations', {
      model: `${SCHNELL}:wavespeed`,
      prompt: 'x',
      size: '64x64',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-inference-provider')).toBe('wavespeed');
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'each side must be between 512 and 1536 pixels',
    );
  });

  it("answers the router's error for a model that does not serve text-to-image", async () => {
    const response = await postJson(test, '/v1/images/generations', {
      model: 'sentence-transformers/all-MiniLM-L6-v2',
      prompt: 'x',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: {
        code: 'model_not_supported',
        param: 'model',
        message: expect.stringContaining("'text-to-image'"),
      },
    });
  });
});
