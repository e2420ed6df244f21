// The shared provider conformance suite, run against the 'wavespeed' simulator profile, one fixture per task.
import { encodePng, runProviderConformance } from '@tollgate/provider-test-kit';
import { expect } from 'vitest';
import plugin from './index.js';

/** Downloads a media URL from the output and checks the file starts the way its format does. */
async function expectFile(media: unknown, contentType: string, magic: string, at: number): Promise<void> {
  const { kind, url } = media as { kind: string; url: string };
  expect(kind).toBe('url');
  const response = await fetch(url);
  expect(response.headers.get('content-type')).toBe(contentType);
  const bytes = Buffer.from(await response.arrayBuffer());
  expect(bytes.subarray(at, at + magic.length).toString('latin1')).toBe(magic);
}

/** WaveSpeed's envelope around a prediction, as far as these checks read it. */
interface Submitted {
  readonly data: { readonly urls: { readonly get: string }; readonly outputs: readonly string[] };
}

const firstFrame = encodePng({ width: 64, height: 36, seed: 'wavespeed-first-frame' });

runProviderConformance({
  plugin,
  tasks: {
    'text-to-image': {
      model: 'wavespeed-ai/flux-schnell',
      input: { inputs: 'A lighthouse at dawn', parameters: { width: 512, height: 512, num_images: 2 } },
      check: async (output) => {
        const { images } = output as { images: unknown[] };
        expect(images).toHaveLength(2);
        for (const image of images) await expectFile(image, 'image/png', 'PNG', 1);
      },
    },
    'image-to-image': {
      model: 'wavespeed-ai/hidream-e1-full',
      input: {
        inputs: { kind: 'bytes', bytes: firstFrame, contentType: 'image/png' },
        parameters: { prompt: 'Make it snow' },
      },
      check: async (output) => {
        const { images } = output as { images: unknown[] };
        await expectFile(images[0], 'image/png', 'PNG', 1);
      },
    },
    'text-to-video': {
      model: 'wavespeed-ai/wan-2.1/t2v-480p',
      input: {
        inputs: 'A fox running through snow',
        parameters: { width: 480, height: 832, duration_seconds: 5 },
      },
      check: async (output) => expectFile((output as { video: unknown }).video, 'video/mp4', 'ftyp', 4),
    },
    'image-to-video': {
      model: 'wavespeed-ai/wan-2.2/i2v-480p-ultra-fast',
      input: {
        inputs: { kind: 'bytes', bytes: firstFrame, contentType: 'image/png' },
        parameters: { prompt: 'The fox turns its head', duration_seconds: 5 },
      },
      check: async (output) => expectFile((output as { video: unknown }).video, 'video/mp4', 'ftyp', 4),
    },
  },
  native: [
    {
      name: 'image prediction polled at urls.get',
      method: 'POST',
      path: '/api/v3/wavespeed-ai/flux-dev',
      body: { kind: 'json', value: { prompt: 'A cat in space', size: '512*512', num_images: 2 } },
      // As Hugging Face's client does: the path of `data.urls.get` (from `/api/v3/`: the simulator serves
      // WaveSpeed under a path prefix of its own).
      followUps: (_id, body) => {
        const { pathname } = new URL((body as Submitted).data.urls.get);
        return [{ method: 'GET', path: pathname.slice(pathname.indexOf('/api/v3/')) }];
      },
      check: async (answers) => {
        const result = answers.at(-1)!;
        expect(result.request.path).toMatch(/^\/api\/v3\/predictions\/[0-9a-f]{32}\/result$/);
        expect(result.usage).toEqual({ images: 2 });
        const { outputs } = (result.response!.body as Submitted).data;
        for (const url of outputs) await expectFile({ kind: 'url', url }, 'image/png', 'PNG', 1);
      },
    },
    {
      name: 'per-clip video polled at the short result path',
      method: 'POST',
      path: '/api/v3/wavespeed-ai/wan-2.2/t2v-5b-720p',
      body: { kind: 'json', value: { prompt: 'A fox running through snow', size: '1280*720' } },
      followUps: (id) => [{ method: 'GET', path: `/api/v3/predictions/${id}` }],
      check: async (answers) => {
        expect(answers.at(-1)!.usage).toEqual({ requests: 1 });
        const [url] = (answers.at(-1)!.response!.body as Submitted).data.outputs;
        await expectFile({ kind: 'url', url }, 'video/mp4', 'ftyp', 4);
      },
    },
  ],
});
