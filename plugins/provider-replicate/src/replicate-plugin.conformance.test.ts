// The shared provider conformance suite, run against the Replicate simulator profile with every task declared.
import type {
  AutomaticSpeechRecognitionOutputV1,
  ImageGenerationOutputV1,
  MediaV1,
  TextToSpeechOutputV1,
  VideoGenerationOutputV1,
} from '@tollgate/provider-spec';
import {
  createReplicateProfile,
  encodePng,
  encodeWav,
  runProviderConformance,
  wavDurationMs,
} from '@tollgate/provider-test-kit';
import { expect } from 'vitest';
import plugin from './index.js';

async function fetchMedia(media: MediaV1 | undefined): Promise<Buffer> {
  if (media?.kind !== 'url') throw new Error(`expected a media URL, got ${JSON.stringify(media)}`);
  const response = await fetch(media.url);
  expect(response.headers.get('content-type')).toBe(media.contentType);
  return Buffer.from(await response.arrayBuffer());
}

const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

runProviderConformance({
  plugin,
  // Replicate holds a `Prefer: wait` call up to 60 s, longer than any simulated job, so the round trip would never
  // poll; capping the simulator's hold below the default job time makes every prediction outlast the wait, as a
  // long one does on Replicate, and exercises polling. Answers within the wait are tested in
  // replicate-simulator.test.ts.
  simulatorProfile: createReplicateProfile({ maxWaitMs: 10 }),
  tasks: {
    'text-to-image': {
      input: { inputs: 'A lighthouse at dawn', parameters: { width: 1344, height: 768, num_images: 2 } },
      check: async (output) => {
        const { images } = output as ImageGenerationOutputV1;
        expect(images).toHaveLength(2);
        expect(pngSize(await fetchMedia(images[0]))).toEqual([1344, 768]);
      },
    },
    'image-to-image': {
      input: {
        inputs: {
          kind: 'bytes',
          bytes: encodePng({ width: 96, height: 64, seed: 'cat' }),
          contentType: 'image/png',
        },
        parameters: { prompt: 'make the cat blue' },
      },
      check: async (output) => {
        const { images } = output as ImageGenerationOutputV1;
        expect(pngSize(await fetchMedia(images[0]))).toEqual([96, 64]);
      },
    },
    'text-to-video': {
      input: { inputs: 'A cat surfing a wave', parameters: { width: 832, height: 480 } },
      check: async (output) => {
        const video = await fetchMedia((output as VideoGenerationOutputV1).video);
        expect(video.toString('latin1', 4, 8)).toBe('ftyp');
      },
    },
    'automatic-speech-recognition': {
      input: {
        inputs: {
          kind: 'bytes',
          bytes: encodeWav({ durationMs: 6_000, seed: 'speech' }),
          contentType: 'audio/wav',
        },
        parameters: { language: 'en', return_timestamps: true },
      },
      check: (output) => {
        const { text, chunks } = output as AutomaticSpeechRecognitionOutputV1;
        expect(text).not.toBe('');
        expect(chunks?.at(-1)?.timestamp[1]).toBe(6);
      },
    },
    'text-to-speech': {
      input: { inputs: 'Hello from the gateway', parameters: { voice: 'af_bella' } },
      check: async (output) => {
        const audio = await fetchMedia((output as TextToSpeechOutputV1).audio);
        expect(wavDurationMs(audio)).toBeGreaterThan(0);
      },
    },
  },
});
