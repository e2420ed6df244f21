import { encodeWav } from '@tollgate/provider-test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, TASK_PLUGINS, type TestGateway } from '../test-gateway.test-helpers.js';
import { DEFAULT_TRANSCRIPTION_FILE_LIMIT_BYTES } from './audio-transcriptions-route.js';

const WHISPER = 'openai/whisper-large-v3';
const wav = encodeWav({ durationMs: 1_500, seed: 'harbour' });

/** An OpenAI transcription form; `file: null` leaves the file out. */
function form(fields: Record<string, string>, file: Uint8Array | null = wav, type = 'audio/wav'): FormData {
  const body = new FormData();
  if (file) body.set('file', new Blob([file], { type }), 'speech.wav');
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  return body;
}

describe('POST /v1/audio/transcriptions', () => {
  let test: TestGateway;
  const transcribe = (body: FormData | string, headers: Record<string, string> = {}) =>
    test.request('/v1/audio/transcriptions', { method: 'POST', body, headers });

  beforeAll(async () => {
    test = await startTestGateway({ plugins: TASK_PLUGINS });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('transcribes a WAV upload through fal-ai as json, with its duration', async () => {
    const response = await transcribe(form({ model: `${WHISPER}:fal-ai`, language: 'en' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-inference-provider')).toBe('fal-ai');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await response.json()) as { text: string; usage: unknown };
    expect(body.text.trim().length).toBeGreaterThan(0);
    expect(body.usage).toEqual({ type: 'duration', seconds: 1.5 });
    // fal takes the audio as a URL; the upload went as a data: URL with the WAV's bytes (typed the way Hugging
    // Face's client types WAV for fal).
    const upstream = test.simulator.calls.filter((call) => call.providerId === 'fal-ai').at(-1)!;
    const sent = upstream.body as { audio_url: string; language: string };
    expect(sent.language).toBe('en');
    expect(sent.audio_url.startsWith('data:audio/x-wav;base64,')).toBe(true);
    expect(Buffer.from(sent.audio_url.split(',')[1]!, 'base64')).toEqual(Buffer.from(wav));
  });

  it('answers text as plain text and verbose_json with timestamped segments', async () => {
    const fields = { model: `${WHISPER}:fal-ai`, language: 'en' };
    const json = (await (await transcribe(form(fields))).json()) as { text: string };
    const text = await transcribe(form({ ...fields, response_format: 'text' }));
    expect(text.status).toBe(200);
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await text.text()).toBe(json.text);

    const verbose = await transcribe(form({ ...fields, response_format: 'verbose_json' }));
    const body = (await verbose.json()) as {
      task: string;
      language: string;
      duration: number;
      text: string;
      segments: { id: number; start: number; end: number; text: string }[];
    };
    expect(body).toMatchObject({ task: 'transcribe', language: 'en', duration: 1.5, text: json.text });
    expect(body.segments.length).toBeGreaterThan(0);
    expect(body.segments[0]).toMatchObject({ id: 0, start: 0 });
    expect(body.segments.at(-1)!.end).toBeLessThanOrEqual(1.5);
    expect(body.segments.map((segment) => segment.text).join('')).toBe(body.text);
  });

  it('sends the raw audio bytes to hf-inference, typed from the file name when the client did not say', async () => {
    const response = await transcribe(
      form({ model: `${WHISPER}:hf-inference` }, wav, 'application/octet-stream'),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-inference-provider')).toBe('hf-inference');
    expect(((await response.json()) as { text: string }).text.length).toBeGreaterThan(0);
    const upstream = test.simulator.calls.filter((call) => call.providerId === 'hf-inference').at(-1)!;
    expect(upstream.path).toContain(WHISPER);
    expect(upstream.headers['content-type']).toBe('audio/wav');
    expect(upstream.rawBody).toEqual(Buffer.from(wav));
  });

  it.each([
    ['no file', form({ model: WHISPER }, null), 'file', /form's 'file' field/],
    ['an empty file', form({ model: WHISPER }, new Uint8Array()), 'file', /is empty/],
    ['no model', form({}), 'model', /needs a 'model' field/],
    ['srt', form({ model: WHISPER, response_format: 'srt' }), 'response_format', /json, text, verbose_json/],
    ['a hot temperature', form({ model: WHISPER, temperature: '1.5' }), 'temperature', /from 0 to 1/],
    ['a wordy temperature', form({ model: WHISPER, temperature: 'warm' }), 'temperature', /from 0 to 1/],
  ])('rejects a form with %s with a 400 naming the field', async (_case, body, param, message) => {
    const calls = test.simulator.calls.length;
    const response = await transcribe(body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { param: string; message: string; type: string } };
    expect(error).toMatchObject({ type: 'invalid_request_error', param });
    expect(error.message).toMatch(message);
    expect(test.simulator.calls.length).toBe(calls);
  });

  it('answers 415 for a body that is not multipart', async () => {
    const response = await transcribe(JSON.stringify({ model: WHISPER, file: 'x' }), {
      'content-type': 'application/json',
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({
      error: { code: 'unsupported_media_type', message: expect.stringContaining('multipart/form-data') },
    });
  });

  it('answers 413 naming the file for an upload over the limit, and 401 before reading it without a token', async () => {
    const large = new Uint8Array(DEFAULT_TRANSCRIPTION_FILE_LIMIT_BYTES + 1);
    large.set(wav);
    const tooLarge = await transcribe(form({ model: `${WHISPER}:fal-ai` }, large));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({
      error: { param: 'file', code: 'request_too_large', message: expect.stringContaining('25 MiB') },
    });

    // Were the form read before the token was checked, this would be the 413 above.
    const anonymous = await transcribe(form({ model: `${WHISPER}:fal-ai` }, large), { authorization: '' });
    expect(anonymous.status).toBe(401);
  });

  it("answers the router's error for a model that does not transcribe", async () => {
    const response = await transcribe(form({ model: 'black-forest-labs/FLUX.1-schnell' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: {
        code: 'model_not_supported',
        param: 'model',
        message: expect.stringContaining("'automatic-speech-recognition'"),
      },
    });
  });
});
