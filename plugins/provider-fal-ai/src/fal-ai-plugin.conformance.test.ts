// The shared provider conformance suite, run against the fal simulator profile with every task declared.
import type {
  AutomaticSpeechRecognitionOutputV1,
  ImageGenerationOutputV1,
  MediaV1,
  TextToSpeechOutputV1,
  VideoGenerationOutputV1,
} from '@tollgate/provider-spec';
import {
  encodePng,
  encodeWav,
  type RecordedCall,
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

/** The queue's three steps for one request, as the simulator recorded them: submit, status polls, result. */
function expectQueueCalls(calls: readonly RecordedCall[], model: string, app: string): void {
  const fal = calls.filter((call) => call.providerId === 'fal-ai');
  const submit = fal.findLast((call) => call.method === 'POST');
  expect(submit?.path).toBe(`/${model}?_subdomain=queue`);
  const reads = fal.slice(fal.indexOf(submit!) + 1).map((call) => call.path);
  expect(reads.at(-1)).toMatch(new RegExp(`^/${app}/requests/[0-9a-f-]+$`));
  expect(reads.slice(0, -1).every((path) => path.endsWith('/status'))).toBe(true);
  expect(reads.length).toBeGreaterThan(1);
}

const image = (width: number, height: number, seed: string): MediaV1 => ({
  kind: 'bytes',
  bytes: encodePng({ width, height, seed }),
  contentType: 'image/png',
});

runProviderConformance({
  plugin,
  tasks: {
    'text-to-image': {
      input: { inputs: 'A lighthouse at dawn', parameters: { width: 512, height: 512, num_images: 2 } },
      check: async (output, calls) => {
        const { images } = output as ImageGenerationOutputV1;
        expect(images).toHaveLength(2);
        expect(pngSize(await fetchMedia(images[1]))).toEqual([512, 512]);
        expectQueueCalls(calls, 'fal-ai/flux/dev', 'fal-ai/flux');
      },
    },
    'image-to-image': {
      input: { inputs: image(96, 64, 'cat'), parameters: { prompt: 'Make the cat a tiger' } },
      check: async (output, calls) => {
        const { images } = output as ImageGenerationOutputV1;
        // Kontext keeps the source's 3:2 shape at about one megapixel.
        expect(pngSize(await fetchMedia(images[0]))).toEqual([1248, 832]);
        const submitted = calls.find((call) => call.method === 'POST' && call.providerId === 'fal-ai');
        expect((submitted?.body as { image_url?: string } | undefined)?.image_url).toMatch(
          /^data:image\/png;base64,/,
        );
      },
    },
    'text-to-video': {
      input: {
        inputs: 'A fox walking through fresh snow',
        parameters: { num_frames: 17, aspect_ratio: '16:9' },
      },
      check: async (output, calls) => {
        const video = await fetchMedia((output as VideoGenerationOutputV1).video);
        expect(video.toString('latin1', 4, 8)).toBe('ftyp');
        expectQueueCalls(calls, 'fal-ai/wan/v2.2-a14b/text-to-video', 'fal-ai/wan');
      },
    },
    'image-to-video': {
      input: {
        inputs: image(64, 96, 'dragon'),
        parameters: { prompt: 'The dragon takes off', num_frames: 17 },
      },
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
      check: (output, calls) => {
        const { text, chunks } = output as AutomaticSpeechRecognitionOutputV1;
        expect(text).not.toBe('');
        expect(chunks?.map((chunk) => chunk.timestamp)).toEqual([
          [0, 5],
          [5, 6],
        ]);
        const call = calls.find((candidate) => candidate.providerId === 'fal-ai');
        expect(call?.path).toBe('/fal-ai/whisper');
      },
    },
    'text-to-speech': {
      input: { inputs: 'Ladies and gentlemen, welcome aboard.', parameters: { voice: 'af_heart' } },
      check: async (output) => {
        const audio = await fetchMedia((output as TextToSpeechOutputV1).audio);
        expect(wavDurationMs(new Uint8Array(audio))).toBeGreaterThan(1_000);
      },
    },
  },
});
