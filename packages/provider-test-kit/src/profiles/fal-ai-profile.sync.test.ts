import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDataUrl } from '../media/data-url.js';
import { encodeWav } from '../media/encode-wav.js';
import { wavDurationMs } from '../media/wav-duration-ms.js';
import { createProviderSimulator } from '../simulator/create-provider-simulator.js';
import type { ProviderSimulator } from '../simulator/simulator-types.js';
import { falAiProfile } from './fal-ai-profile.js';
import { bytesOf, falCall } from './fal-ai-profile.test-helpers.js';

describe('fal synchronous API', () => {
  let simulator: ProviderSimulator;
  beforeAll(async () => {
    simulator = await createProviderSimulator({ providers: ['fal-ai'], profiles: [falAiProfile] });
  });
  afterAll(() => simulator.close());

  it('transcribes a WAV data URL with Whisper, chunked by segment and billed in compute seconds', async () => {
    const audio = toDataUrl(encodeWav({ durationMs: 8_000, seed: 'talk' }), 'audio/x-wav');
    const response = await falCall(simulator, 'POST', '/fal-ai/whisper', {
      body: { audio_url: audio, task: 'transcribe', language: 'en', version: '3' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-fal-billable-units')).toBe('0.4');
    const body = (await response.json()) as { text: string; chunks: { timestamp: number[]; text: string }[] };
    expect(body).toMatchObject({ inferred_languages: ['en'], diarization_segments: [] });
    expect(body.chunks.map((chunk) => chunk.timestamp)).toEqual([
      [0, 5],
      [5, 8],
    ]);
    expect(body.text).toBe(body.chunks.map((chunk) => chunk.text).join(''));
  });

  it('refuses audio Whisper does not read, and an unknown chunk level, with 422 field lists', async () => {
    const flac = await falCall(simulator, 'POST', '/fal-ai/whisper', {
      body: { audio_url: 'data:audio/flac;base64,AAAA' },
    });
    expect(flac.status).toBe(422);
    expect(await flac.json()).toMatchObject({ detail: [{ loc: ['body', 'audio_url'] }] });
    const level = await falCall(simulator, 'POST', '/fal-ai/whisper', {
      body: { audio_url: 'https://example.com/a.mp3', chunk_level: 'paragraph' },
    });
    expect(await level.json()).toEqual({
      detail: [
        {
          loc: ['body', 'chunk_level'],
          msg: "Input should be 'none', 'segment', 'word'",
          type: 'literal_error',
        },
      ],
    });
  });

  it('speaks with Kokoro: a 24 kHz WAV, billed per 1000 characters, at least one', async () => {
    const response = await falCall(simulator, 'POST', '/fal-ai/kokoro/american-english', {
      body: { prompt: 'Ladies and gentlemen, welcome aboard.', voice: 'af_heart' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-fal-billable-units')).toBe('1');
    const body = (await response.json()) as {
      audio: { url: string; content_type: string; file_size: number };
    };
    expect(body.audio.content_type).toBe('audio/wav');
    const audio = await bytesOf(body.audio.url);
    expect(audio.contentType).toBe('audio/wav');
    expect(audio.bytes.length).toBe(body.audio.file_size);
    expect(wavDurationMs(audio.bytes)).toBeGreaterThan(2_000);
    expect(Buffer.from(audio.bytes).readUInt32LE(24)).toBe(24_000);

    const long = await falCall(simulator, 'POST', '/fal-ai/kokoro/american-english', {
      body: { prompt: 'a'.repeat(2_500) },
    });
    expect(long.headers.get('x-fal-billable-units')).toBe('2');
  });

  it('refuses a voice Kokoro does not have', async () => {
    const response = await falCall(simulator, 'POST', '/fal-ai/kokoro/american-english', {
      body: { prompt: 'Hello', voice: 'alloy' },
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      detail: [{ loc: ['body', 'voice'], type: 'literal_error' }],
    });
  });

  it('runs an image model synchronously too, answering with its output at once', async () => {
    const response = await falCall(simulator, 'POST', '/fal-ai/flux/schnell', { body: { prompt: 'A fox' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-fal-billable-units')).toBe('1');
    expect(await response.json()).toMatchObject({ images: [{ width: 1024, height: 768 }] });
  });

  it('fails a synchronous call hit by a job-failure fault with a request error', async () => {
    simulator.injectFault('fal-ai', { kind: 'job-failure', message: 'Runner disconnected', times: 1 });
    const response = await falCall(simulator, 'POST', '/fal-ai/whisper', {
      body: { audio_url: 'https://example.com/a.mp3' },
    });
    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({ detail: 'Runner disconnected', error_type: 'request_timeout' });
  });

  it('answers a body that is not a JSON object with a 422', async () => {
    const response = await fetch(`${simulator.baseUrlFor('fal-ai')}/fal-ai/whisper`, {
      method: 'POST',
      headers: { authorization: `Key ${simulator.apiKeyFor('fal-ai')}`, 'content-type': 'application/json' },
      body: '[1, 2]',
    });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ detail: [{ type: 'json_invalid' }] });
  });
});
