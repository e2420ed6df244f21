/**
 * The unified task API through the official openai SDK, unchanged, against `tollgate serve --sandbox` as a real
 * process: embeddings (the SDK asks for base64 and decodes it), image generation and a transcription upload.
 */
import { encodeWav } from '@tollgate/provider-test-kit';
import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxGateway, startSandboxGateway } from '../support/sandbox-gateway.js';

let gateway: SandboxGateway;
let client: OpenAI;

beforeAll(async () => {
  gateway = await startSandboxGateway();
  client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: gateway.token, maxRetries: 0 });
});
afterAll(async () => {
  await gateway?.stop();
});

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the task API through the openai SDK', () => {
  it('creates embeddings, decoding the base64 the SDK asks for into the same vectors as floats', async () => {
    const input = ['A lighthouse keeper counts ships.', 'The tide turns at noon.'];
    const { data: encoded, response } = await client.embeddings
      .create({ model: 'sentence-transformers/all-MiniLM-L6-v2:hf-inference', input })
      .withResponse();
    expect(response.headers.get('x-inference-provider')).toBe('hf-inference');
    expect(response.headers.get('x-tollgate-sandbox')).toBe('simulated');
    expect(encoded.object).toBe('list');
    expect(encoded.model).toBe('sentence-transformers/all-MiniLM-L6-v2');
    expect(encoded.data.map((item) => item.index)).toEqual([0, 1]);
    expect(encoded.data[0]!.embedding).toHaveLength(384);

    const floats = await client.embeddings.create({
      model: 'sentence-transformers/all-MiniLM-L6-v2:hf-inference',
      input,
      encoding_format: 'float',
    });
    expect(encoded.data[0]!.embedding).toEqual(floats.data[0]!.embedding.map((value) => Math.fround(value)));
  });

  it('generates images as base64 PNGs and as URLs', async () => {
    const { data: asBase64, response } = await client.images
      .generate({
        model: 'black-forest-labs/FLUX.1-schnell:together',
        prompt: 'A harbour at dawn',
        size: '256x192' as '256x256',
        response_format: 'b64_json',
      })
      .withResponse();
    expect(response.headers.get('x-inference-provider')).toBe('together');
    expect(pngSize(Buffer.from(asBase64.data![0]!.b64_json!, 'base64'))).toEqual({ width: 256, height: 192 });

    // Replicate answers with a URL on its CDN (the simulator's, here); the gateway fetches it for base64.
    const replicate = await client.images.generate({
      model: 'black-forest-labs/FLUX.1-schnell:replicate',
      prompt: 'A harbour at dawn',
      n: 2,
      response_format: 'b64_json',
    });
    expect(replicate.data).toHaveLength(2);
    for (const image of replicate.data!)
      expect(pngSize(Buffer.from(image.b64_json!, 'base64')).width).toBeGreaterThan(0);

    const asUrl = await client.images.generate({
      model: 'black-forest-labs/FLUX.1-schnell:replicate',
      prompt: 'A harbour at dawn',
    });
    const served = Buffer.from(await (await fetch(asUrl.data![0]!.url!)).arrayBuffer());
    expect(pngSize(served).width).toBeGreaterThan(0);
  });

  it('generates a fal-ai image through its queue, polled by the gateway', async () => {
    const { data, response } = await client.images
      .generate({
        model: 'black-forest-labs/FLUX.1-dev:fal-ai',
        prompt: 'A harbour at dawn',
        size: '256x256',
        response_format: 'b64_json',
      })
      .withResponse();
    expect(response.headers.get('x-inference-provider')).toBe('fal-ai');
    expect(pngSize(Buffer.from(data.data![0]!.b64_json!, 'base64'))).toEqual({ width: 256, height: 256 });
  });

  it('classifies a text through hf-inference at /v1/tasks/text-classification', async () => {
    const classes = await client.post<{ label: string; score: number }[]>('/tasks/text-classification', {
      body: {
        model: 'distilbert/distilbert-base-uncased-finetuned-sst-2-english',
        inputs: 'What a calm and lovely harbour.',
      },
    });
    expect(classes.length).toBeGreaterThan(0);
    expect(classes.map(({ label }) => label)).toEqual(expect.arrayContaining(['POSITIVE', 'NEGATIVE']));
    const total = classes.reduce((sum, { score }) => sum + score, 0);
    expect(total).toBeCloseTo(1, 3);
  });

  it('transcribes an uploaded WAV file as json, verbose_json and text', async () => {
    const wav = encodeWav({ durationMs: 2_000, seed: 'harbour' });
    const file = () => toFile(Buffer.from(wav), 'speech.wav', { type: 'audio/wav' });
    const json = await client.audio.transcriptions.create({
      file: await file(),
      model: 'openai/whisper-large-v3:hf-inference',
    });
    expect(json.text.trim().length).toBeGreaterThan(0);

    const verbose = await client.audio.transcriptions.create({
      file: await file(),
      model: 'openai/whisper-large-v3:hf-inference',
      response_format: 'verbose_json',
      language: 'en',
    });
    expect(verbose).toMatchObject({ language: 'en', duration: 2 });
    expect(verbose.segments?.length).toBeGreaterThan(0);

    const text = await client.audio.transcriptions.create({
      file: await file(),
      model: 'openai/whisper-large-v3:hf-inference',
      response_format: 'text',
    });
    expect(text).toBe(json.text);
  });

  it('turns text into speech bytes', async () => {
    const response = await client.audio.speech.create({
      model: 'hexgrad/Kokoro-82M:fal-ai',
      input: 'The ferry leaves at nine.',
      voice: 'af_heart' as 'alloy',
    });
    expect(response.headers.get('content-type')).toBe('audio/wav');
    const audio = Buffer.from(await response.arrayBuffer());
    expect(audio.subarray(0, 4).toString('ascii')).toBe('RIFF');
  });

  it('answers an SDK error for a model that does not serve the task', async () => {
    const error = await client.embeddings
      .create({ model: 'black-forest-labs/FLUX.1-schnell', input: 'x' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).code).toBe('model_not_supported');
  });
});
