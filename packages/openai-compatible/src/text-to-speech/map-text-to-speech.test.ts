import { InputError, UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { silentWav } from '../media/media-test-files.test-helpers.js';
import { taskContext, thrownBy } from '../task-fixtures.test-helpers.js';
import { mapTextToSpeechRequest } from './map-text-to-speech-request.js';
import { mapTextToSpeechResponse } from './map-text-to-speech-response.js';

const context = taskContext('together', 'canopylabs/orpheus-3b-0.1-ft');

describe('mapTextToSpeechRequest', () => {
  it('sends the text as input with the voice, format and speed, expecting bytes', () => {
    expect(
      mapTextToSpeechRequest(
        { providerId: 'together', defaultVoice: 'tara' },
        { input: { inputs: 'Hello there', parameters: { response_format: 'wav', speed: 1.1 } }, context },
      ),
    ).toMatchInlineSnapshot(`
      {
        "body": {
          "kind": "json",
          "value": {
            "input": "Hello there",
            "model": "canopylabs/orpheus-3b-0.1-ft",
            "response_format": "wav",
            "speed": 1.1,
            "voice": "tara",
          },
        },
        "expect": "bytes",
        "method": "POST",
        "path": "/v1/audio/speech",
      }
    `);
  });

  it("prefers the caller's voice, and sends none when neither side names one", () => {
    const withVoice = mapTextToSpeechRequest(
      { providerId: 'together', defaultVoice: 'tara', defaultResponseFormat: 'wav' },
      { input: { inputs: 'Hi', parameters: { voice: 'leo' } }, context },
    );
    expect(withVoice.body).toMatchObject({ value: { voice: 'leo', response_format: 'wav' } });
    const bare = mapTextToSpeechRequest(
      { providerId: 'deepinfra', path: '/v1/openai/audio/speech' },
      { input: { inputs: 'Hi' }, context },
    );
    expect(bare.path).toBe('/v1/openai/audio/speech');
    expect(bare.body).toEqual({
      kind: 'json',
      value: { model: 'canopylabs/orpheus-3b-0.1-ft', input: 'Hi' },
    });
  });

  it("picks the model's own default voice from a table", () => {
    const config = { providerId: 'together', defaultVoice: { 'canopylabs/orpheus-3b-0.1-ft': 'tara' } };
    expect(mapTextToSpeechRequest(config, { input: { inputs: 'Hi' }, context }).body).toMatchObject({
      value: { voice: 'tara' },
    });
    const other = taskContext('together', 'hexgrad/Kokoro-82M');
    expect(
      mapTextToSpeechRequest(config, { input: { inputs: 'Hi' }, context: other }).body,
    ).not.toHaveProperty('value.voice');
  });

  it('rejects an input without text', () => {
    for (const input of [{}, { inputs: '' }, { inputs: 3 }]) {
      const error = thrownBy(() =>
        mapTextToSpeechRequest({ providerId: 'p' }, { input: input as never, context }),
      );
      expect(InputError.isInstance(error)).toBe(true);
    }
  });
});

describe('mapTextToSpeechResponse', () => {
  const wav = silentWav(120, 8_000);

  it('returns WAV bytes with their type and meters their duration', () => {
    const result = mapTextToSpeechResponse(
      { providerId: 'together' },
      {
        input: { inputs: 'Hi' },
        response: { status: 200, headers: { 'content-type': 'audio/wav' }, body: wav },
      },
    );
    expect(result).toEqual({
      output: { audio: { kind: 'bytes', bytes: wav, contentType: 'audio/wav' } },
      usage: { audioMilliseconds: 120 },
    });
  });

  it('types an octet-stream body by its signature, or by the format asked for', () => {
    const octet = { 'content-type': 'application/octet-stream' };
    const sniffed = mapTextToSpeechResponse(
      { providerId: 'p' },
      { input: { inputs: 'Hi' }, response: { status: 200, headers: octet, body: wav } },
    );
    expect(sniffed.output.audio).toMatchObject({ contentType: 'audio/wav' });
    const raw = new Uint8Array([1, 2, 3, 4]);
    const asked = mapTextToSpeechResponse(
      { providerId: 'p' },
      {
        input: { inputs: 'Hi', parameters: { response_format: 'raw' } },
        response: { status: 200, headers: octet, body: raw },
      },
    );
    expect(asked).toEqual({
      output: { audio: { kind: 'bytes', bytes: raw, contentType: 'audio/pcm' } },
      usage: {},
    });
  });

  it('meters nothing for audio whose duration the file does not state', () => {
    const mp3 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0]);
    const result = mapTextToSpeechResponse(
      { providerId: 'p' },
      {
        input: { inputs: 'Hi' },
        response: { status: 200, headers: { 'content-type': 'audio/mpeg' }, body: mp3 },
      },
    );
    expect(result.usage).toEqual({});
  });

  it('rejects an empty body or a JSON body as an UpstreamOutputError', () => {
    const cases: { headers: Record<string, string>; body: unknown }[] = [
      { headers: { 'content-type': 'audio/wav' }, body: new Uint8Array() },
      { headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode('{"error":"x"}') },
      { headers: {}, body: { not: 'bytes' } },
    ];
    for (const { headers, body } of cases) {
      const error = thrownBy(() =>
        mapTextToSpeechResponse(
          { providerId: 'p' },
          { input: { inputs: 'Hi' }, response: { status: 200, headers, body } },
        ),
      );
      expect(UpstreamOutputError.isInstance(error)).toBe(true);
    }
  });
});
