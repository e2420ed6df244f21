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
  type NativeFixture,
  type NativeRequestFixture,
  type RecordedCall,
  runProviderConformance,
  toDataUrl,
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

const QUEUE = { _subdomain: 'queue' };

/**
 * The follow-ups Hugging Face's client makes on the router: the pathname of the `response_url` fal returned, with
 * `/status` until COMPLETED, then bare for the result, each with `?_subdomain=queue`.
 */
function queueFollowUps(_operationId: string, submitted: unknown): NativeRequestFixture[] {
  const path = new URL((submitted as { response_url: string }).response_url).pathname;
  return [
    {
      method: 'GET',
      path: `${path}/status`,
      query: QUEUE,
      until: (response) => (response.body as { status?: string }).status === 'COMPLETED',
    },
    { method: 'GET', path, query: QUEUE },
  ];
}

/** The queue's calls as the simulator recorded them: the submission, status polls and the result on fal's paths. */
function expectRouterQueuePaths(calls: readonly RecordedCall[], model: string, app: string): void {
  const paths = calls.filter((call) => call.providerId === 'fal-ai').map((call) => call.path);
  expect(paths[0]).toBe(`/${model}?_subdomain=queue`);
  const request = `/${app}/requests/[0-9a-f-]+`;
  expect(
    paths.slice(1, -1).every((path) => new RegExp(`^${request}/status\\?_subdomain=queue$`).test(path)),
  ).toBe(true);
  expect(paths.at(-1)).toMatch(new RegExp(`^${request}\\?_subdomain=queue$`));
}

const json = (value: unknown) => ({ kind: 'json' as const, value });

const NATIVE: NativeFixture[] = [
  {
    name: 'FLUX.1 [dev] on the queue',
    method: 'POST',
    path: '/fal-ai/flux/dev',
    query: QUEUE,
    body: json({ prompt: 'A lighthouse at dawn', image_size: { width: 1024, height: 768 }, num_images: 2 }),
    followUps: queueFollowUps,
    check: (answers, calls) => {
      // Two 1024x768 images: a megapixel each, as fal's billable units say.
      expect(answers.at(-1)?.usage).toEqual({ milliMegapixels: 2000 });
      expectRouterQueuePaths(calls, 'fal-ai/flux/dev', 'fal-ai/flux');
    },
  },
  {
    name: 'Wan 2.2 text-to-video on the queue',
    method: 'POST',
    path: '/fal-ai/wan/v2.2-a14b/text-to-video',
    query: QUEUE,
    body: json({ prompt: 'A fox walking through fresh snow', num_frames: 17, resolution: '720p' }),
    followUps: queueFollowUps,
    check: (answers) => {
      // 17 frames at fal's 16 frames per second.
      expect(answers.at(-1)?.usage).toEqual({ videoMilliseconds: 1063 });
    },
  },
  {
    name: 'Whisper, synchronously',
    method: 'POST',
    path: '/fal-ai/whisper',
    body: json({
      audio_url: toDataUrl(encodeWav({ durationMs: 3_000, seed: 'native' }), 'audio/wav'),
      task: 'transcribe',
    }),
    check: (answers, calls) => {
      expect(answers).toHaveLength(1);
      expect(answers[0]?.usage.computeMilliseconds).toBeGreaterThan(0);
      expect(calls.filter((call) => call.providerId === 'fal-ai').map((call) => call.path)).toEqual([
        '/fal-ai/whisper',
      ]);
    },
  },
  {
    name: 'Kokoro, synchronously',
    method: 'POST',
    path: '/fal-ai/kokoro/american-english',
    body: json({ prompt: 'Ladies and gentlemen, welcome aboard.', voice: 'af_heart' }),
    check: (answers) => expect(answers[0]?.usage).toEqual({ requests: 1 }),
  },
  {
    name: 'Kontext on the queue, cancelled',
    method: 'POST',
    path: '/fal-ai/flux-kontext/dev',
    query: QUEUE,
    body: json({
      prompt: 'Make the cat a tiger',
      image_url: toDataUrl(encodePng({ width: 96, height: 64, seed: 'cat' }), 'image/png'),
    }),
    // Long enough a job for the cancel to arrive first.
    latency: { firstTokenMs: 5_000 },
    billed: false,
    followUps: (_operationId, submitted) => {
      const path = new URL((submitted as { response_url: string }).response_url).pathname;
      return [
        { method: 'PUT', path: `${path}/cancel`, query: QUEUE },
        {
          method: 'GET',
          path: `${path}/status`,
          query: QUEUE,
          until: (response) => (response.body as { status?: string }).status === 'COMPLETED',
        },
      ];
    },
    check: (answers) => {
      expect(answers[1]?.response?.body).toEqual({ status: 'CANCELLATION_REQUESTED' });
      expect(answers.at(-1)?.response?.body).toMatchObject({
        status: 'COMPLETED',
        error: 'Request was cancelled',
      });
    },
  },
];

runProviderConformance({
  plugin,
  native: NATIVE,
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
