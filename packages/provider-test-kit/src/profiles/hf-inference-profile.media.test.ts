import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../media/encode-png.js';
import { encodeWav } from '../media/encode-wav.js';
import type { ProviderSimulator } from '../simulator/simulator-types.js';
import { readImageSize } from './hf-inference/read-image-size.js';
import { hfPost, startHfInferenceSimulator, sum } from './hf-inference-profile.test-helpers.js';

const png = encodePng({ width: 64, height: 48, seed: 'cat' });
const wav = encodeWav({ durationMs: 4000, seed: 'speech' });

describe('hf-inference image and audio pipelines', () => {
  let simulator: ProviderSimulator;
  beforeAll(async () => {
    simulator = await startHfInferenceSimulator();
  });
  afterAll(() => simulator.close());

  it('classifies a raw image body, five labels by default, and base64 JSON with top_k', async () => {
    const raw = await hfPost(simulator, 'google/vit-base-patch16-224', png, { contentType: 'image/png' });
    expect(raw.status).toBe(200);
    const labels = raw.json as { label: string; score: number }[];
    expect(labels).toHaveLength(5);
    expect(labels.map((entry) => entry.score)).toEqual(
      [...labels.map((entry) => entry.score)].sort((a, b) => b - a),
    );
    expect(raw.headers.get('x-compute-images')).toBe('1');
    const json = await hfPost(simulator, 'google/vit-base-patch16-224', {
      inputs: Buffer.from(png).toString('base64'),
      parameters: { top_k: 2 },
    });
    expect(json.json).toEqual(labels.slice(0, 2));
  });

  it('refuses bytes that are no image, as PIL does', async () => {
    const answer = await hfPost(simulator, 'google/vit-base-patch16-224', new Uint8Array([1, 2, 3]), {
      contentType: 'image/png',
    });
    expect(answer).toMatchObject({ status: 400, json: { error: 'cannot identify image file' } });
  });

  it('detects boxes inside the image', async () => {
    const answer = await hfPost(simulator, 'facebook/detr-resnet-50', png, { contentType: 'image/png' });
    const boxes = answer.json as { label: string; score: number; box: Record<string, number> }[];
    expect(boxes.length).toBeGreaterThan(0);
    for (const { box, score } of boxes) {
      expect(score).toBeGreaterThanOrEqual(0.5);
      expect(box.xmin).toBeLessThan(box.xmax!);
      expect(box.ymin).toBeLessThan(box.ymax!);
      expect(box.xmax).toBeLessThan(64);
      expect(box.ymax).toBeLessThan(48);
    }
  });

  it('segments into black-and-white PNG masks of the image size that cover it once', async () => {
    const answer = await hfPost(simulator, 'mattmdjaga/segformer_b2_clothes', png, {
      contentType: 'image/png',
    });
    const segments = answer.json as { label: string; score: null; mask: string }[];
    expect(segments[0]).toMatchObject({ label: 'Background', score: null });
    const coverage = new Array(64 * 48).fill(0);
    for (const segment of segments) {
      const mask = new Uint8Array(Buffer.from(segment.mask, 'base64'));
      expect(readImageSize(mask)).toEqual({ width: 64, height: 48 });
      const idatLength = Buffer.from(mask).readUInt32BE(33);
      const rows = inflateSync(Buffer.from(mask).subarray(41, 41 + idatLength));
      const values = new Set<number>();
      for (let y = 0; y < 48; y += 1) {
        for (let x = 0; x < 64; x += 1) {
          const value = rows[y * 65 + 1 + x]!;
          values.add(value);
          if (value === 255) coverage[y * 64 + x] += 1;
        }
      }
      expect([...values].every((value) => value === 0 || value === 255)).toBe(true);
    }
    expect(coverage.every((count) => count === 1)).toBe(true);
  });

  it('captions an image and scores zero-shot labels', async () => {
    const caption = await hfPost(simulator, 'Salesforce/blip-image-captioning-large', png, {
      contentType: 'image/png',
    });
    expect(caption.json).toEqual([{ generated_text: expect.stringMatching(/^a |^two /) }]);
    const zeroShot = await hfPost(simulator, 'openai/clip-vit-large-patch14', {
      inputs: Buffer.from(png).toString('base64'),
      parameters: { candidate_labels: ['a photo of a cat', 'a photo of a dog'] },
    });
    const ranked = zeroShot.json as { label: string; score: number }[];
    expect(ranked.map((entry) => entry.label).sort()).toEqual(['a photo of a cat', 'a photo of a dog']);
    expect(sum(ranked.map((entry) => entry.score))).toBeCloseTo(1, 6);
  });

  it('draws a real PNG of the requested size as the raw body, and refuses sizes diffusers cannot make', async () => {
    const answer = await hfPost(simulator, 'black-forest-labs/FLUX.1-schnell', {
      inputs: 'A lighthouse at dawn',
      parameters: { width: 256, height: 128 },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/png');
    expect(answer.headers.get('x-compute-type')).toBe('gpu');
    expect(readImageSize(answer.bytes)).toEqual({ width: 256, height: 128 });
    const odd = await hfPost(simulator, 'black-forest-labs/FLUX.1-schnell', {
      inputs: 'x',
      parameters: { width: 250, height: 128 },
    });
    expect(odd.status).toBe(400);
    expect((odd.json as { error: string }).error).toMatch(/divisible by 8/);
  });

  it('transcribes a WAV with timestamps spread over the clip, and reports its length', async () => {
    const plain = await hfPost(simulator, 'openai/whisper-large-v3', wav, { contentType: 'audio/wav' });
    expect(plain.json).toEqual({ text: expect.stringMatching(/^ \w/) });
    expect(plain.headers.get('x-compute-audio-length')).toBe('4');
    const timed = await hfPost(simulator, 'openai/whisper-large-v3', {
      inputs: Buffer.from(wav).toString('base64'),
      parameters: { return_timestamps: true },
    });
    const { text, chunks } = timed.json as {
      text: string;
      chunks: { text: string; timestamp: [number, number] }[];
    };
    expect(text).toBe((plain.json as { text: string }).text);
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(text);
    expect(chunks[0]?.timestamp[0]).toBe(0);
    expect(chunks.at(-1)?.timestamp[1]).toBe(4);
  });

  it('classifies audio, and refuses bytes that are no sound file', async () => {
    const answer = await hfPost(simulator, 'ehcalabres/wav2vec2-lg-xlsr-en-speech-emotion-recognition', wav, {
      contentType: 'audio/wav',
    });
    const labels = answer.json as { label: string; score: number }[];
    expect(labels).toHaveLength(5);
    expect(
      labels.every((entry) =>
        ['angry', 'calm', 'disgust', 'fearful', 'happy', 'neutral', 'sad', 'surprised'].includes(entry.label),
      ),
    ).toBe(true);
    const junk = await hfPost(
      simulator,
      'openai/whisper-large-v3',
      new Uint8Array(Buffer.from('not audio')),
      {
        contentType: 'audio/wav',
      },
    );
    expect(junk).toMatchObject({ status: 400, json: { error: 'Malformed soundfile' } });
  });
});
