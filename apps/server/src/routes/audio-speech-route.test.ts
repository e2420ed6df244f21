import { wavDurationMs } from '@tollgate/provider-test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, TASK_PLUGINS, type TestGateway } from '../test-gateway.test-helpers.js';
import { postJson } from './task-api.test-helpers.js';

const KOKORO = 'hexgrad/Kokoro-82M';

function isWav(bytes: Uint8Array): boolean {
  const text = new TextDecoder().decode(bytes.subarray(0, 12));
  return text.startsWith('RIFF') && text.endsWith('WAVE');
}

describe('POST /v1/audio/speech', () => {
  let test: TestGateway;
  beforeAll(async () => {
    test = await startTestGateway({ plugins: TASK_PLUGINS });
  });
  afterAll(async () => {
    await test?.close();
  });

  it("answers fal-ai's speech with the audio file itself, fetched from the provider's URL", async () => {
    const mediaFetches = () => test.simulator.calls.filter((call) => call.providerId === '__media');
    const before = mediaFetches().length;
    const response = await postJson(test, '/v1/audio/speech', {
      model: `${KOKORO}:fal-ai`,
      input: 'The ferry leaves at nine.',
      voice: 'af_bella',
      speed: 1.2,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-inference-provider')).toBe('fal-ai');
    expect(response.headers.get('content-type')).toBe('audio/wav');
    const audio = new Uint8Array(await response.arrayBuffer());
    expect(isWav(audio)).toBe(true);
    expect(wavDurationMs(audio)).toBeGreaterThan(0);
    expect(Number(response.headers.get('content-length'))).toBe(audio.byteLength);
    const upstream = test.simulator.calls.filter((call) => call.providerId === 'fal-ai').at(-1)!;
    expect(upstream.body).toMatchObject({
      prompt: 'The ferry leaves at nine.',
      voice: 'af_bella',
      speed: 1.2,
    });
    // fal answered with a URL into its CDN; the gateway fetched it once.
    expect(mediaFetches().length).toBe(before + 1);
  });

  it('answers Replicate speech the same way', async () => {
    const response = await postJson(test, '/v1/audio/speech', {
      model: `${KOKORO}:replicate`,
      input: 'Mind the gap.',
      response_format: 'wav',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-inference-provider')).toBe('replicate');
    expect(response.headers.get('content-type')).toBe('audio/wav');
    expect(isWav(new Uint8Array(await response.arrayBuffer()))).toBe(true);
    const upstream = test.simulator.calls.filter((call) => call.providerId === 'replicate').at(-1)!;
    expect(upstream.body).toMatchObject({ input: { text: 'Mind the gap.' } });
  });

  it.each([
    [{ model: KOKORO, input: '' }, 'input', /input/],
    [{ model: KOKORO }, 'input', /required property 'input'/],
    [{ model: KOKORO, input: 'x', speed: 9 }, 'speed', /speed/],
    [{ model: KOKORO, input: 'x', response_format: 'midi' }, 'response_format', /allowed values/],
  ])('rejects %j with a 400 naming %s', async (body, param, message) => {
    const calls = test.simulator.calls.length;
    const response = await postJson(test, '/v1/audio/speech', body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { param: string; message: string } };
    expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
    expect(test.simulator.calls.length).toBe(calls);
  });

  it("answers the router's error for a model that does not speak", async () => {
    const response = await postJson(test, '/v1/audio/speech', {
      model: 'openai/whisper-large-v3',
      input: 'x',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'model_not_supported', message: expect.stringContaining("'text-to-speech'") },
    });
  });
});
