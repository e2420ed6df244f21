import type {
  NativeBodyV1,
  NativeRequestV1,
  NativeRouteV1,
  UpstreamResponseV1,
} from '@tollgate/provider-spec';
import { encodeMultipartForm, type MultipartField, readMultipartForm } from '@tollgate/provider-utils';
import { describe, expect, it } from 'vitest';
import { silentWav } from '../media/media-test-files.test-helpers.js';
import { loadTaskFixture, taskContext, thrownBy } from '../task-fixtures.test-helpers.js';
import { createOpenAICompatibleNativeRoutes } from './create-openai-compatible-native-routes.js';

const native = (path: string, body: NativeBodyV1): NativeRequestV1 => ({
  method: 'POST',
  path,
  query: {},
  params: {},
  headers: {},
  body,
});
const json = (path: string, value: unknown) => native(path, { kind: 'json', value });
const form = (path: string, fields: MultipartField[]) => {
  const encoded = encodeMultipartForm(fields);
  return native(path, { kind: 'bytes', value: encoded.bytes, contentType: encoded.contentType });
};
const answered = (body: unknown, headers: Record<string, string> = {}): UpstreamResponseV1 => ({
  status: 200,
  headers,
  body,
});
const wav = (durationMs: number) => ({
  name: 'file',
  filename: 'audio.wav',
  contentType: 'audio/wav',
  bytes: silentWav(durationMs),
});
const mp3 = {
  name: 'file',
  filename: 'speech.mp3',
  contentType: 'audio/mpeg',
  bytes: new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0]),
};

const byTask = (routes: NativeRouteV1[], task: string) => routes.find((route) => route.task === task)!;

describe('createOpenAICompatibleNativeRoutes for images, speech and transcription', () => {
  const deepinfra = createOpenAICompatibleNativeRoutes({
    providerId: 'deepinfra',
    path: '/v1/openai/chat/completions',
    textToSpeech: { path: '/v1/openai/audio/speech', defaultResponseFormat: 'wav' },
    automaticSpeechRecognition: { path: '/v1/openai/audio/transcriptions' },
  });
  const nscale = createOpenAICompatibleNativeRoutes({
    providerId: 'nscale',
    textToImage: { meter: { kind: 'megapixels', defaultSize: { width: 1024, height: 1024 } } },
  });

  it('declares a route only for the tasks the config declares, at their paths', () => {
    expect(deepinfra.map((route) => [route.path, route.task])).toEqual([
      ['/v1/openai/chat/completions', 'conversational'],
      ['/v1/openai/audio/speech', 'text-to-speech'],
      ['/v1/openai/audio/transcriptions', 'automatic-speech-recognition'],
    ]);
    expect(nscale.map((route) => [route.path, route.task])).toEqual([
      ['/v1/chat/completions', 'conversational'],
      ['/v1/images/generations', 'text-to-image'],
    ]);
  });

  describe('images', () => {
    const images = byTask(nscale, 'text-to-image');
    const context = taskContext('nscale', 'black-forest-labs/FLUX.1-schnell');

    it('reads the model from the body and passes the body on, expecting JSON', () => {
      const body = { model: 'black-forest-labs/FLUX.1-schnell', prompt: 'A fox', size: '512x256', n: 2 };
      const request = json('/v1/images/generations', body);
      expect(images.modelOf!(request)).toBe('black-forest-labs/FLUX.1-schnell');
      expect(images.modelOf!(json('/v1/images/generations', { prompt: 'x' }))).toBeUndefined();
      expect(images.mapRequest({ request, context })).toEqual({
        method: 'POST',
        path: '/v1/images/generations',
        body: { kind: 'json', value: body },
        expect: 'json',
      });
    });

    it('meters the megapixels of the images returned at the size asked for, or the default size', () => {
      const response = loadTaskFixture('text-to-image', 'nscale-flux-schnell.json');
      const returned = (response.body as { data: unknown[] }).data.length;
      const sized = json('/v1/images/generations', { model: 'm', prompt: 'x', size: '512x256' });
      // 512 x 256 = 131,072 pixels per image, in thousandths of a megapixel rounded up.
      expect(images.meterResponse!({ request: sized, context, response })).toEqual({
        usage: { milliMegapixels: Math.ceil((returned * 512 * 256) / 1000) },
      });
      const unsized = json('/v1/images/generations', { model: 'm', prompt: 'x' });
      expect(images.meterResponse!({ request: unsized, context, response })).toEqual({
        usage: { milliMegapixels: Math.ceil((returned * 1024 * 1024) / 1000) },
      });
      expect(images.meterResponse!({ request: unsized, context, response: answered({ data: [] }) })).toEqual(
        {},
      );
    });

    it("follows the provider's knobs: its model field, width and height, per-image prices, dropped fields", () => {
      const [, custom] = createOpenAICompatibleNativeRoutes({
        providerId: 'p',
        textToImage: {
          path: '/v2/images',
          modelField: 'model_id',
          size: 'width-height',
          unsupportedParameters: ['user'],
        },
      });
      const request = json('/v2/images', {
        model_id: 'sdxl',
        prompt: 'x',
        width: 640,
        height: 480,
        user: 'u',
      });
      expect(custom!.path).toBe('/v2/images');
      expect(custom!.modelOf!(request)).toBe('sdxl');
      expect(custom!.mapRequest({ request, context }).body).toEqual({
        kind: 'json',
        value: { model_id: 'sdxl', prompt: 'x', width: 640, height: 480 },
      });
      const response = answered({ data: [{ url: 'https://cdn/a.png' }, { url: 'https://cdn/b.png' }] });
      expect(custom!.meterResponse!({ request, context, response })).toEqual({ usage: { images: 2 } });
    });
  });

  describe('speech', () => {
    const speech = byTask(deepinfra, 'text-to-speech');
    const context = taskContext('deepinfra', 'hexgrad/Kokoro-82M');

    it('asks for WAV when the body names no format, as routed calls do, expecting bytes', () => {
      const request = json('/v1/openai/audio/speech', {
        model: 'hexgrad/Kokoro-82M',
        input: 'Hi',
        voice: 'af',
      });
      expect(speech.modelOf!(request)).toBe('hexgrad/Kokoro-82M');
      expect(speech.mapRequest({ request, context })).toEqual({
        method: 'POST',
        path: '/v1/openai/audio/speech',
        body: {
          kind: 'json',
          value: { model: 'hexgrad/Kokoro-82M', input: 'Hi', voice: 'af', response_format: 'wav' },
        },
        expect: 'bytes',
      });
      const mp3Asked = json('/v1/openai/audio/speech', { model: 'm', input: 'Hi', response_format: 'mp3' });
      expect(speech.mapRequest({ request: mp3Asked, context }).body).toMatchObject({
        value: { response_format: 'mp3' },
      });
    });

    it('meters a WAV answer by its length, and an answer whose length is not known by nothing, as routed speech', () => {
      const request = json('/v1/openai/audio/speech', { model: 'm', input: 'Hi' });
      const spoken = answered(silentWav(1250), { 'content-type': 'application/octet-stream' });
      expect(speech.meterResponse!({ request, context, response: spoken })).toEqual({
        usage: { audioMilliseconds: 1250 },
      });
      const compressed = answered(mp3.bytes, { 'content-type': 'audio/mpeg' });
      expect(speech.meterResponse!({ request, context, response: compressed })).toEqual({});
      expect(speech.meterResponse!({ request, context, response: answered(new Uint8Array()) })).toEqual({});
    });
  });

  describe('transcriptions', () => {
    const transcriptions = byTask(deepinfra, 'automatic-speech-recognition');
    const path = '/v1/openai/audio/transcriptions';
    const context = taskContext('deepinfra', 'openai/whisper-large-v3');

    it('reads the model from the form, wherever the file is, and refuses a body that is not a form', () => {
      const request = form(path, [mp3, { name: 'model', value: 'openai/whisper-large-v3' }]);
      expect(transcriptions.modelOf!(request)).toBe('openai/whisper-large-v3');
      expect(transcriptions.modelOf!(form(path, [mp3]))).toBeUndefined();
      for (const body of [
        { kind: 'json', value: { model: 'openai/whisper-large-v3' } },
        { kind: 'bytes', value: new Uint8Array([1, 2]), contentType: 'audio/wav' },
        { kind: 'bytes', value: new Uint8Array([1, 2]), contentType: 'multipart/form-data' },
      ] satisfies NativeBodyV1[]) {
        expect(
          thrownBy(() => transcriptions.modelOf!(native(path, body))),
          body.kind,
        ).toMatchObject({
          status: 400,
          code: 'invalid_multipart',
        });
      }
    });

    it('passes a form on byte for byte when its duration will be known: verbose_json, or a WAV upload', () => {
      for (const fields of [
        [{ name: 'model', value: 'm' }, { name: 'response_format', value: 'verbose_json' }, mp3],
        [{ name: 'model', value: 'm' }, wav(1000)],
        [{ name: 'model', value: 'm' }, { name: 'response_format', value: 'json' }, wav(1000)],
      ]) {
        const request = form(path, fields);
        expect(transcriptions.mapRequest({ request, context })).toEqual({
          method: 'POST',
          path,
          body: request.body,
          expect: 'json',
        });
      }
    });

    it("asks for verbose_json (json's text plus the duration) when a json answer would not say how long", () => {
      for (const asked of [[], [{ name: 'response_format', value: 'json' }]]) {
        const request = form(path, [
          { name: 'model', value: 'm' },
          ...asked,
          mp3,
          { name: 'language', value: 'en' },
        ]);
        const upstream = transcriptions.mapRequest({ request, context });
        expect(upstream.expect).toBe('json');
        if (upstream.body.kind !== 'bytes') throw new Error('a form goes on as a form');
        const sent = readMultipartForm(upstream.body.value, upstream.body.contentType);
        expect(sent.filter((part) => !('bytes' in part))).toEqual([
          { name: 'model', value: 'm' },
          ...(asked.length > 0 ? [{ name: 'response_format', value: 'verbose_json' }] : []),
          { name: 'language', value: 'en' },
          ...(asked.length > 0 ? [] : [{ name: 'response_format', value: 'verbose_json' }]),
        ]);
        expect(sent.find((part) => part.name === 'file')).toEqual(mp3);
      }
    });

    it('refuses a text answer for audio whose length it cannot read, and takes one for WAV as bytes', () => {
      const refused = thrownBy(() =>
        transcriptions.mapRequest({
          request: form(path, [
            { name: 'model', value: 'm' },
            { name: 'response_format', value: 'srt' },
            mp3,
          ]),
          context,
        }),
      );
      expect(refused).toMatchObject({
        status: 400,
        param: 'response_format',
        message: expect.stringContaining(
          "billed by the audio's duration, which a 'srt' answer does not state",
        ),
      });
      const text = form(path, [
        { name: 'model', value: 'm' },
        { name: 'response_format', value: 'text' },
        wav(800),
      ]);
      expect(transcriptions.mapRequest({ request: text, context })).toMatchObject({
        body: text.body,
        expect: 'bytes',
      });
      expect(
        transcriptions.meterResponse!({
          request: text,
          context,
          response: answered(new TextEncoder().encode('Hi.')),
        }),
      ).toEqual({ usage: { audioMilliseconds: 800 } });
    });

    it('meters the duration the answer states first, then the WAV upload, and nothing when neither says', () => {
      const verbose = loadTaskFixture('automatic-speech-recognition', 'deepinfra-whisper-verbose.json');
      const stated = (verbose.body as { duration: number }).duration;
      const uploaded = form(path, [{ name: 'model', value: 'm' }, wav(3000)]);
      expect(transcriptions.meterResponse!({ request: uploaded, context, response: verbose })).toEqual({
        usage: { audioMilliseconds: Math.ceil(stated * 1000) },
      });
      expect(
        transcriptions.meterResponse!({ request: uploaded, context, response: answered({ text: 'x' }) }),
      ).toEqual({
        usage: { audioMilliseconds: 3000 },
      });
      const unknown = form(path, [{ name: 'model', value: 'm' }, mp3]);
      expect(
        transcriptions.meterResponse!({ request: unknown, context, response: answered({ text: 'x' }) }),
      ).toEqual({});
    });

    it("drops the task's unsupported fields, keeping repeated ones, and leaves an unaffected form as it came", () => {
      const [, quirky] = createOpenAICompatibleNativeRoutes({
        providerId: 'p',
        automaticSpeechRecognition: { unsupportedParameters: ['temperature'] },
      });
      const request = form('/v1/audio/transcriptions', [
        { name: 'model', value: 'm' },
        { name: 'response_format', value: 'verbose_json' },
        { name: 'timestamp_granularities[]', value: 'word' },
        { name: 'timestamp_granularities[]', value: 'segment' },
        { name: 'temperature', value: '0.2' },
        mp3,
      ]);
      const upstream = quirky!.mapRequest({ request, context });
      if (upstream.body.kind !== 'bytes') throw new Error('a form goes on as a form');
      expect(readMultipartForm(upstream.body.value, upstream.body.contentType)).toEqual([
        { name: 'model', value: 'm' },
        { name: 'response_format', value: 'verbose_json' },
        { name: 'timestamp_granularities[]', value: 'word' },
        { name: 'timestamp_granularities[]', value: 'segment' },
        mp3,
      ]);
      const plain = form('/v1/audio/transcriptions', [{ name: 'model', value: 'm' }, wav(500)]);
      expect(quirky!.mapRequest({ request: plain, context }).body).toBe(plain.body);
    });
  });
});
