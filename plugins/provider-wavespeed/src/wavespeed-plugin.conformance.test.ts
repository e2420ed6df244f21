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
});
