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
  type NativeFixture,
  type NativeRequestFixture,
  runProviderConformance,
  toDataUrl,
  wavDurationMs,
} from '@tollgate/provider-test-kit';
import { expect } from 'vitest';
import plugin from './index.js';
import { WHISPER_VERSION } from './replicate-models.js';

async function fetchMedia(media: MediaV1 | undefined): Promise<Buffer> {
  if (media?.kind !== 'url') throw new Error(`expected a media URL, got ${JSON.stringify(media)}`);
  const response = await fetch(media.url);
  expect(response.headers.get('content-type')).toBe(media.contentType);
  return Buffer.from(await response.arrayBuffer());
}

const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

const json = (value: unknown) => ({ kind: 'json' as const, value });
/** Replicate's own clients read a prediction until it has finished; here, until a read bills it. */
const readPrediction = (id: string): NativeRequestFixture[] => [
  { method: 'GET', path: `/v1/predictions/${id}` },
];
const finished = (response: { body: unknown }) =>
  ['succeeded', 'failed', 'canceled'].includes(String((response.body as { status?: unknown }).status));

const NATIVE: NativeFixture[] = [
  {
    name: 'FLUX.1 [schnell] on the official-model path',
    method: 'POST',
    path: '/v1/models/black-forest-labs/flux-schnell/predictions',
    headers: { Prefer: 'wait' },
    body: json({ input: { prompt: 'A lighthouse at dawn', num_outputs: 2 } }),
    followUps: readPrediction,
    check: (answers, calls) => {
      expect(answers.at(-1)?.usage).toEqual({ images: 2 });
      // The client's Prefer: wait reaches Replicate; the prediction outlasted the simulator's capped wait.
      const create = calls.find((call) => call.providerId === 'replicate' && call.method === 'POST');
      expect(create?.headers.prefer).toBe('wait');
      expect(answers[0]?.operationId).toBe((answers[0]!.response!.body as { id: string }).id);
    },
  },
  {
    name: 'whisper on the versioned path',
    method: 'POST',
    path: '/v1/predictions',
    headers: { Prefer: 'wait' },
    body: json({
      version: WHISPER_VERSION,
      input: { audio: toDataUrl(encodeWav({ durationMs: 2_000, seed: 'native' }), 'audio/wav') },
    }),
    followUps: readPrediction,
    check: (answers) => {
      expect(answers[0]?.mapping.providerModelId).toBe(`openai/whisper:${WHISPER_VERSION}`);
      expect(answers.at(-1)?.usage.computeMilliseconds).toBeGreaterThan(0);
    },
  },
  {
    name: 'Wan 2.2 cancelled',
    method: 'POST',
    path: '/v1/models/wan-video/wan-2.2-5b-fast/predictions',
    body: json({ input: { prompt: 'A cat surfing a wave' } }),
    // Long enough a job for the cancel to arrive first.
    latency: { firstTokenMs: 5_000 },
    billed: false,
    followUps: (id) => [
      { method: 'POST', path: `/v1/predictions/${id}/cancel` },
      { method: 'GET', path: `/v1/predictions/${id}`, until: finished },
    ],
    check: (answers) => {
      expect((answers.at(-1)!.response!.body as { status: string }).status).toBe('canceled');
    },
  },
];

runProviderConformance({
  plugin,
  native: NATIVE,
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
