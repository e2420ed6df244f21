import { InputError, UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { audioFileName } from './audio-file-name.js';
import { decodeBase64 } from './decode-base64.js';
import { onePixelPng, silentWav } from './media-test-files.test-helpers.js';
import { readMediaBytes } from './read-media-bytes.js';
import { sniffMediaType } from './sniff-media-type.js';
import { wavDurationMs } from './wav-duration-ms.js';

const caught = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('decodeBase64', () => {
  it('decodes standard base64, with or without padding and line breaks', () => {
    const png = onePixelPng();
    const encoded = Buffer.from(png).toString('base64');
    expect(decodeBase64(encoded, 'p')).toEqual(png);
    expect(decodeBase64(`${encoded.slice(0, 20)}\n${encoded.slice(20)}`, 'p')).toEqual(png);
    expect(decodeBase64('AQI', 'p')).toEqual(new Uint8Array([1, 2]));
  });

  it('rejects what is not base64 as the provider output error it is', () => {
    for (const bad of ['', 'not base64!', 'https://cdn.example/x.png', 'A']) {
      const error = caught(() => decodeBase64(bad, 'nscale'));
      expect(UpstreamOutputError.isInstance(error), bad).toBe(true);
      expect((error as Error).message).toBe('nscale returned media that is not valid base64');
    }
  });
});

describe('sniffMediaType', () => {
  it('knows PNG, JPEG, WAV and MP3 by their signatures', () => {
    expect(sniffMediaType(onePixelPng())).toBe('image/png');
    expect(sniffMediaType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMediaType(silentWav(10))).toBe('audio/wav');
    expect(sniffMediaType(new Uint8Array([0x49, 0x44, 0x33, 4]))).toBe('audio/mpeg');
    expect(sniffMediaType(new Uint8Array([0xff, 0xfb, 0x90, 0x64]))).toBe('audio/mpeg');
    expect(sniffMediaType(new TextEncoder().encode('{"error":1}'))).toBeUndefined();
  });
});

describe('wavDurationMs', () => {
  it('reads the duration from the header', () => {
    expect(wavDurationMs(silentWav(1500))).toBe(1500);
    expect(wavDurationMs(silentWav(250, 24_000))).toBe(250);
  });

  it('skips chunks before the data and counts only the bytes present', () => {
    const wav = Buffer.from(silentWav(1000));
    const list = Buffer.alloc(12);
    list.write('LIST', 0, 'latin1');
    list.writeUInt32LE(3, 4);
    const withList = Buffer.concat([wav.subarray(0, 36), list, wav.subarray(36)]);
    expect(wavDurationMs(new Uint8Array(withList))).toBe(1000);
    const streamed = Buffer.from(wav);
    streamed.writeUInt32LE(0xffffffff, 40);
    expect(wavDurationMs(new Uint8Array(streamed))).toBe(1000);
  });

  it('is undefined for anything that is not a WAV file', () => {
    expect(wavDurationMs(onePixelPng())).toBeUndefined();
    expect(wavDurationMs(new Uint8Array(4))).toBeUndefined();
    expect(wavDurationMs(silentWav(1000).subarray(0, 36))).toBeUndefined();
  });
});

describe('readMediaBytes', () => {
  const wav = silentWav(20);

  it('passes bytes through and decodes data URLs', () => {
    expect(readMediaBytes({ kind: 'bytes', bytes: wav, contentType: 'audio/wav' })).toEqual({
      bytes: wav,
      contentType: 'audio/wav',
    });
    const url = `data:audio/wav;base64,${Buffer.from(wav).toString('base64')}`;
    expect(readMediaBytes({ kind: 'url', url })).toEqual({ bytes: wav, contentType: 'audio/wav' });
    expect(readMediaBytes({ kind: 'url', url: 'data:,hello%20there' })).toEqual({
      bytes: new TextEncoder().encode('hello there'),
      contentType: 'application/octet-stream',
    });
  });

  it('leaves http(s) URLs to the caller and rejects anything else', () => {
    expect(readMediaBytes({ kind: 'url', url: 'https://cdn.example/a.wav' })).toBeUndefined();
    for (const media of [{ kind: 'url', url: 'ftp://x/a.wav' }, { kind: 'file' }, null]) {
      const error = caught(() => readMediaBytes(media as never));
      expect(InputError.isInstance(error)).toBe(true);
    }
  });
});

describe('audioFileName', () => {
  it('names the file after its type, defaulting to wav', () => {
    expect(audioFileName('audio/mpeg')).toBe('audio.mp3');
    expect(audioFileName('audio/webm;codecs=opus')).toBe('audio.webm');
    expect(audioFileName('AUDIO/FLAC')).toBe('audio.flac');
    expect(audioFileName(undefined)).toBe('audio.wav');
    expect(audioFileName('application/octet-stream')).toBe('audio.wav');
  });
});
