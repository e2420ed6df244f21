import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav } from '../../media/encode-wav.js';
import { wavDurationMs } from '../../media/wav-duration-ms.js';
import { createProviderSimulator } from '../../simulator/create-provider-simulator.js';
import type { ProviderSimulator } from '../../simulator/simulator-types.js';
import { createOpenAIStyleErrorDialect, modelNotFoundResponse } from '../openai-style-error-dialect.js';
import { createTaskProfile } from '../task-profile.js';
import { createOpenAITaskRoutes } from './create-openai-task-routes.js';

const errors = createOpenAIStyleErrorDialect({
  invalidKey: () => ({ status: 401, body: { error: { message: 'bad key' } } }),
  modelNotFound: (model) => modelNotFoundResponse(`no model ${model}`),
  rateLimitMessage: () => 'slow down',
});

const profile = createTaskProfile({
  id: 'openai-tasks-lab',
  displayName: 'OpenAI tasks (test)',
  models: ['lab/llm', 'lab/embed', 'lab/flux', 'lab/tts', 'lab/whisper'].map((id) => ({
    id,
    ownedBy: 'lab',
    contextLength: 8192,
  })),
  errors,
  taskRoutes: createOpenAITaskRoutes({
    basePath: '/v1',
    errors,
    completions: { newId: () => 'cmpl-1' },
    embeddings: {
      dimensionsFor: (model) => (model === 'lab/embed' ? 16 : 4),
      usage: (tokens) => ({ prompt_tokens: tokens, total_tokens: tokens }),
    },
    images: {
      size: 'size',
      defaultSize: { width: 32, height: 32 },
      base64Format: 'b64_json',
      urlFormat: 'url',
      defaultFormat: 'url',
    },
    speech: { defaultFormat: 'wav', requiresVoice: true },
    transcriptions: { formats: ['json', 'verbose_json', 'text'] },
  }),
});

describe('createOpenAITaskRoutes', () => {
  let simulator: ProviderSimulator;
  const url = (path: string) => `${simulator.baseUrlFor(profile.id)}${path}`;
  const auth = () => ({ authorization: `Bearer ${simulator.apiKeyFor(profile.id)}` });
  const postJson = (path: string, body: unknown) =>
    fetch(url(path), {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    simulator = await createProviderSimulator({ providers: [profile.id], profiles: [profile] });
  });
  afterAll(() => simulator.close());

  it('continues a prompt with max_tokens one-token words and counts the prompt', async () => {
    const response = await postJson('/v1/completions', {
      model: 'lab/llm',
      prompt: 'Once upon',
      max_tokens: 3,
    });
    const body = (await response.json()) as { choices: { text: string }[] };
    expect(body).toMatchObject({
      id: 'cmpl-1',
      object: 'text_completion',
      model: 'lab/llm',
      choices: [{ index: 0, finish_reason: 'length' }],
      usage: { prompt_tokens: 2, completion_tokens: 3, total_tokens: 5 },
    });
    expect(body.choices[0]!.text.split(' ')).toHaveLength(4);
  });

  it('embeds each text as a deterministic unit vector of the model dimension', async () => {
    const answer = async () =>
      (await (await postJson('/v1/embeddings', { model: 'lab/embed', input: ['a', 'b c'] })).json()) as {
        data: { embedding: number[]; index: number }[];
        usage: unknown;
      };
    const first = await answer();
    expect(first.data.map((item) => item.index)).toEqual([0, 1]);
    for (const { embedding } of first.data) {
      expect(embedding).toHaveLength(16);
      expect(Math.hypot(...embedding)).toBeCloseTo(1, 6);
    }
    expect(first.data[0]!.embedding).not.toEqual(first.data[1]!.embedding);
    expect(first.usage).toEqual({ prompt_tokens: 3, total_tokens: 3 });
    expect((await answer()).data).toEqual(first.data);
  });

  it('answers PNGs as URLs the simulator serves, or as base64, at the requested size', async () => {
    const byUrl = (await (
      await postJson('/v1/images/generations', { model: 'lab/flux', prompt: 'a cat', n: 2 })
    ).json()) as {
      data: { url: string }[];
    };
    expect(byUrl.data).toHaveLength(2);
    const image = await fetch(byUrl.data[0]!.url);
    expect(image.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await image.arrayBuffer());
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([32, 32]);
    const inline = (await (
      await postJson('/v1/images/generations', {
        model: 'lab/flux',
        prompt: 'a cat',
        size: '48x16',
        response_format: 'b64_json',
      })
    ).json()) as { data: { b64_json: string }[] };
    const decoded = Buffer.from(inline.data[0]!.b64_json, 'base64');
    expect([decoded.readUInt32BE(16), decoded.readUInt32BE(20)]).toEqual([48, 16]);
  });

  it('speaks WAV whose length follows the text, and refuses what it cannot make', async () => {
    const response = await postJson('/v1/audio/speech', { model: 'lab/tts', input: 'Hello', voice: 'v' });
    expect(response.headers.get('content-type')).toBe('audio/wav');
    expect(wavDurationMs(new Uint8Array(await response.arrayBuffer()))).toBe(300);
    expect((await postJson('/v1/audio/speech', { model: 'lab/tts', input: 'Hello' })).status).toBe(400);
    const mp3 = await postJson('/v1/audio/speech', {
      model: 'lab/tts',
      input: 'Hi',
      voice: 'v',
      response_format: 'mp3',
    });
    expect(mp3.status).toBe(400);
  });

  it('transcribes an uploaded WAV with its duration and segments', async () => {
    const form = new FormData();
    form.append('model', 'lab/whisper');
    form.append('response_format', 'verbose_json');
    form.append('file', new Blob([encodeWav({ durationMs: 4000, seed: 1 })], { type: 'audio/wav' }), 'a.wav');
    const response = await fetch(url('/v1/audio/transcriptions'), {
      method: 'POST',
      headers: auth(),
      body: form,
    });
    const body = (await response.json()) as { duration: number; text: string; segments: { end: number }[] };
    expect(body.duration).toBe(4);
    expect(body.text.split(' ')).toHaveLength(10);
    expect(body.segments.at(-1)!.end).toBe(4);
    const notWav = new FormData();
    notWav.append('model', 'lab/whisper');
    notWav.append('file', new Blob([new Uint8Array([1, 2, 3])]), 'a.mp3');
    const refused = await fetch(url('/v1/audio/transcriptions'), {
      method: 'POST',
      headers: auth(),
      body: notWav,
    });
    expect(refused.status).toBe(400);
  });

  it("answers an unknown model with the provider's 404, and a missing one with its 400", async () => {
    const unknown = await postJson('/v1/embeddings', { model: 'lab/nope', input: 'a' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { message: 'no model lab/nope' } });
    expect((await postJson('/v1/completions', { prompt: 'x' })).status).toBe(400);
  });
});
