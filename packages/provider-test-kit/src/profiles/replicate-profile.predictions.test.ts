import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDataUrl } from '../media/data-url.js';
import { encodeWav } from '../media/encode-wav.js';
import { wavDurationMs } from '../media/wav-duration-ms.js';
import { createProviderSimulator } from '../simulator/create-provider-simulator.js';
import type { ProviderSimulator } from '../simulator/simulator-types.js';
import { createReplicateProfile } from './replicate-profile.js';
import {
  bytesOf,
  createOfficial,
  KOKORO,
  type Prediction,
  replicateCall,
  WHISPER,
} from './replicate-profile.test-helpers.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('replicate predictions', () => {
  let simulator: ProviderSimulator;
  beforeAll(async () => {
    simulator = await createProviderSimulator({
      providers: ['replicate'],
      profiles: [createReplicateProfile()],
    });
  });
  afterAll(() => simulator.close());

  it('answers Prefer: wait on an official model with the finished prediction and its PNGs', async () => {
    const prediction = await createOfficial(
      simulator,
      'black-forest-labs/flux-schnell',
      { prompt: 'A lighthouse at dawn', aspect_ratio: '16:9', num_outputs: 2 },
      'wait',
    );
    expect(prediction).toMatchObject({
      id: expect.stringMatching(/^[0-9a-z]{26}$/),
      model: 'black-forest-labs/flux-schnell',
      version: 'hidden',
      status: 'succeeded',
      error: null,
      input: { prompt: 'A lighthouse at dawn', aspect_ratio: '16:9', num_outputs: 2 },
      metrics: { image_count: 2, predict_time: expect.any(Number), total_time: expect.any(Number) },
      urls: { get: `${simulator.baseUrlFor('replicate')}/v1/predictions/${prediction.id}` },
    });
    expect(Date.parse(prediction.completed_at!)).toBeGreaterThanOrEqual(Date.parse(prediction.started_at!));
    const urls = prediction.output as string[];
    expect(urls).toHaveLength(2);
    const image = await bytesOf(urls[0]!);
    expect(image.contentType).toBe('image/png');
    expect([...image.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const view = Buffer.from(image.bytes);
    expect([view.readUInt32BE(16), view.readUInt32BE(20)]).toEqual([1344, 768]);
  });

  it('answers a create without Prefer at once, starting, and finishes it for the poller', async () => {
    const queued = await createProviderSimulator({
      providers: ['replicate'],
      profiles: [createReplicateProfile()],
      latency: { firstTokenMs: 1_000 },
    });
    try {
      const created = await createOfficial(queued, 'wan-video/wan-2.2-5b-fast', { prompt: 'A cat surfing' });
      expect(created).toMatchObject({ status: 'starting', output: null });
      expect(created.metrics).toBeUndefined();
      const seen = new Set<string>();
      let polled: Prediction = created;
      for (const deadline = Date.now() + 10_000; polled.status !== 'succeeded' && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        polled = (await (await replicateCall(queued, 'GET', created.urls.get)).json()) as Prediction;
        seen.add(polled.status);
      }
      expect([...seen]).toEqual(expect.arrayContaining(['processing', 'succeeded']));
      expect(polled.metrics?.predict_time).toBeGreaterThan(0.5);
      const video = await bytesOf(polled.output as string);
      expect(video.contentType).toBe('video/mp4');
      expect(Buffer.from(video.bytes).toString('latin1', 4, 8)).toBe('ftyp');
    } finally {
      await queued.close();
    }
  });

  it('runs a community model by version on /v1/predictions, bare or as owner/name:version', async () => {
    const audio = toDataUrl(encodeWav({ durationMs: 7_500, seed: 1 }), 'audio/wav');
    for (const version of [WHISPER.split(':')[1], WHISPER]) {
      const response = await replicateCall(simulator, 'POST', '/v1/predictions', {
        body: { version, input: { audio, language: 'en' } },
        prefer: 'wait=5',
      });
      expect(response.status).toBe(201);
      const prediction = (await response.json()) as Prediction;
      expect(prediction).toMatchObject({
        model: 'openai/whisper',
        version: WHISPER.split(':')[1],
        status: 'succeeded',
      });
      const output = prediction.output as {
        transcription: string;
        segments: { start: number; end: number }[];
      };
      expect(output).toMatchObject({ detected_language: 'english', translation: null });
      expect(output.transcription).toMatch(/^ [A-Z]/);
      expect(output.segments.map((segment) => [segment.start, segment.end])).toEqual([
        [0, 5],
        [5, 7.5],
      ]);
    }
  });

  it('speaks with Kokoro into a WAV whose length follows the text', async () => {
    const response = await replicateCall(simulator, 'POST', '/v1/predictions', {
      body: { version: KOKORO.split(':')[1], input: { text: 'one two three four five', voice: 'af_bella' } },
      prefer: 'wait',
    });
    const prediction = (await response.json()) as Prediction;
    const audio = await bytesOf(prediction.output as string);
    expect(audio.contentType).toBe('audio/wav');
    expect(wavDurationMs(audio.bytes)).toBe(2000);
  });

  it('returns a still-processing prediction when the job outlasts the wait', async () => {
    const short = await createProviderSimulator({
      providers: ['replicate'],
      profiles: [createReplicateProfile({ maxWaitMs: 250 })],
      latency: { firstTokenMs: 1_000 },
    });
    try {
      const started = Date.now();
      const prediction = await createOfficial(
        short,
        'black-forest-labs/flux-dev',
        { prompt: 'slow' },
        'wait',
      );
      expect(Date.now() - started).toBeLessThan(900);
      expect(prediction).toMatchObject({ status: 'processing', output: null });
    } finally {
      await short.close();
    }
  });

  it('holds a call for wait=N seconds at most', async () => {
    const slow = await createProviderSimulator({
      providers: ['replicate'],
      profiles: [createReplicateProfile()],
      latency: { firstTokenMs: 5_000 },
    });
    try {
      const started = Date.now();
      const prediction = await createOfficial(
        slow,
        'black-forest-labs/flux-dev',
        { prompt: 'slow' },
        'wait=1',
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
      expect(prediction.status).toBe('processing');
      const canceled = (await (
        await replicateCall(slow, 'POST', prediction.urls.cancel)
      ).json()) as Prediction;
      expect(canceled).toMatchObject({ id: prediction.id, status: 'canceled', output: null });
      const after = (await (await replicateCall(slow, 'GET', prediction.urls.get)).json()) as Prediction;
      expect(after.status).toBe('canceled');
    } finally {
      await slow.close();
    }
  });

  it('leaves a finished prediction as it is when asked to cancel it', async () => {
    const prediction = await createOfficial(
      simulator,
      'black-forest-labs/flux-schnell',
      { prompt: 'x' },
      'wait',
    );
    const response = await replicateCall(simulator, 'POST', prediction.urls.cancel);
    expect(response.status).toBe(200);
    expect(((await response.json()) as Prediction).status).toBe('succeeded');
  });

  it('fails the prediction a job-failure fault names, with its error and logs', async () => {
    simulator.injectFault('replicate', { kind: 'job-failure', message: 'CUDA out of memory', times: 1 });
    const prediction = await createOfficial(simulator, 'black-forest-labs/flux-dev', { prompt: 'x' }, 'wait');
    expect(prediction).toMatchObject({ status: 'failed', error: 'CUDA out of memory', output: null });
    expect(prediction.logs).toContain('CUDA out of memory');
  });
});
