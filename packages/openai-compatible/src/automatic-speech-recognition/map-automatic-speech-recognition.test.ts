import { InputError, UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { silentWav } from '../media/media-test-files.test-helpers.js';
import { loadTaskFixture, taskContext, thrownBy } from '../task-fixtures.test-helpers.js';
import { mapAutomaticSpeechRecognitionRequest } from './map-automatic-speech-recognition-request.js';
import { mapAutomaticSpeechRecognitionResponse } from './map-automatic-speech-recognition-response.js';

const context = taskContext('together', 'openai/whisper-large-v3');
const wav = silentWav(250, 8_000);

/** Reads a mapped request's multipart body back with undici's parser. */
async function formOf(request: ReturnType<typeof mapAutomaticSpeechRecognitionRequest>): Promise<FormData> {
  if (request.body.kind !== 'bytes') throw new Error('expected a bytes body');
  return new Response(request.body.value, {
    headers: { 'content-type': request.body.contentType },
  }).formData();
}

describe('mapAutomaticSpeechRecognitionRequest', () => {
  it('uploads the audio as the file part with model, verbose_json and the parameters', async () => {
    const request = mapAutomaticSpeechRecognitionRequest(
      { providerId: 'together' },
      {
        input: {
          inputs: { kind: 'bytes', bytes: wav, contentType: 'audio/wav' },
          parameters: { language: 'en', temperature: 0, prompt: 'Harbour names' },
        },
        context,
      },
    );
    expect(request).toMatchObject({ method: 'POST', path: '/v1/audio/transcriptions', expect: 'json' });
    expect(request.body).toMatchObject({
      contentType: expect.stringMatching(/^multipart\/form-data; boundary=/),
    });
    const form = await formOf(request);
    expect([...form.keys()]).toEqual([
      'model',
      'response_format',
      'language',
      'prompt',
      'temperature',
      'file',
    ]);
    expect(form.get('model')).toBe('openai/whisper-large-v3');
    expect(form.get('response_format')).toBe('verbose_json');
    expect(form.get('temperature')).toBe('0');
    const file = form.get('file') as File;
    expect(file.name).toBe('audio.wav');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(wav);
  });

  it('decodes a data URL, names the file after its type, and honours the knobs', async () => {
    const mp3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0]);
    const request = mapAutomaticSpeechRecognitionRequest(
      {
        providerId: 'deepinfra',
        path: '/v1/openai/audio/transcriptions',
        responseFormat: null,
        unsupportedParameters: ['prompt'],
      },
      {
        input: {
          inputs: { kind: 'url', url: `data:audio/mpeg;base64,${Buffer.from(mp3).toString('base64')}` },
          parameters: { prompt: 'dropped' },
        },
        context,
      },
    );
    expect(request.path).toBe('/v1/openai/audio/transcriptions');
    const form = await formOf(request);
    expect([...form.keys()]).toEqual(['model', 'file']);
    const file = form.get('file') as File;
    expect(file.name).toBe('audio.mp3');
    expect(file.type).toBe('audio/mpeg');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(mp3);
  });

  it('sends an http URL in the file field only to a provider that fetches it', async () => {
    const input = { inputs: { kind: 'url', url: 'https://cdn.example/a.wav' } } as const;
    const request = mapAutomaticSpeechRecognitionRequest(
      { providerId: 'together', acceptsFileUrl: true },
      { input, context },
    );
    expect((await formOf(request)).get('file')).toBe('https://cdn.example/a.wav');
    const error = thrownBy(() =>
      mapAutomaticSpeechRecognitionRequest({ providerId: 'deepinfra' }, { input, context }),
    );
    expect(InputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('deepinfra needs the audio itself');
  });
});

describe('mapAutomaticSpeechRecognitionResponse', () => {
  const input = { inputs: { kind: 'bytes', bytes: wav, contentType: 'audio/wav' } } as const;

  it('reads the text and meters the reported duration, rounded up to a millisecond', () => {
    const result = mapAutomaticSpeechRecognitionResponse(
      { providerId: 'deepinfra' },
      { input, response: loadTaskFixture('automatic-speech-recognition', 'deepinfra-whisper-verbose.json') },
    );
    expect(result).toEqual({
      output: { text: ' Hello from the harbour.' },
      usage: { audioMilliseconds: 2001 },
    });
  });

  it('returns the segments as chunks when the caller asked for timestamps', () => {
    const result = mapAutomaticSpeechRecognitionResponse(
      { providerId: 'together' },
      {
        input: { ...input, parameters: { return_timestamps: true } },
        response: loadTaskFixture('automatic-speech-recognition', 'together-whisper-verbose.json'),
      },
    );
    expect(result.output).toEqual({
      text: 'The lighthouse keeper counted ships until dawn.',
      chunks: [
        { text: 'The lighthouse keeper counted ships', timestamp: [0, 1.84] },
        { text: ' until dawn.', timestamp: [1.84, 3.2] },
      ],
    });
    expect(result.usage).toEqual({ audioMilliseconds: 3200 });
  });

  it("falls back to OpenAI's usage seconds, then to the uploaded WAV's own length", () => {
    const response = (body: unknown) => ({ status: 200, headers: {}, body });
    const config = { providerId: 'p' };
    expect(
      mapAutomaticSpeechRecognitionResponse(config, {
        input,
        response: response({ text: 'a', usage: { type: 'duration', seconds: 1.5 } }),
      }).usage,
    ).toEqual({ audioMilliseconds: 1500 });
    expect(
      mapAutomaticSpeechRecognitionResponse(config, { input, response: response({ text: 'a' }) }).usage,
    ).toEqual({
      audioMilliseconds: 250,
    });
    const mp3 = {
      inputs: { kind: 'bytes', bytes: new Uint8Array([0x49, 0x44, 0x33]), contentType: 'audio/mpeg' },
    } as const;
    expect(
      mapAutomaticSpeechRecognitionResponse(config, { input: mp3, response: response({ text: 'a' }) }).usage,
    ).toEqual({});
  });

  it.each([
    [{ segments: [] }, 'it has no text'],
    [{ error: { message: 'audio too long' } }, 'audio too long'],
    [null, 'it has no text'],
  ])('rejects %j as an UpstreamOutputError', (body, reason) => {
    const error = thrownBy(() =>
      mapAutomaticSpeechRecognitionResponse(
        { providerId: 'p' },
        { input, response: { status: 200, headers: {}, body } },
      ),
    );
    expect(UpstreamOutputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(`p returned a transcription that cannot be used: ${reason}`);
  });
});
