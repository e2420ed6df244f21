import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { falAudioInputUrl, falInputUrl } from './fal-input-url.js';

const bytes = new Uint8Array([1, 2, 3]);

describe('falInputUrl', () => {
  it('leaves URLs alone and turns bytes into a base64 data URL', () => {
    expect(falInputUrl({ kind: 'url', url: 'https://example.com/cat.png' })).toBe(
      'https://example.com/cat.png',
    );
    expect(falInputUrl({ kind: 'bytes', bytes, contentType: 'image/png' })).toBe(
      'data:image/png;base64,AQID',
    );
  });
});

describe('falAudioInputUrl', () => {
  it("spells WAV and WebM the way Hugging Face's client sends them to fal", () => {
    expect(falAudioInputUrl({ kind: 'bytes', bytes, contentType: 'audio/wav' })).toBe(
      'data:audio/x-wav;base64,AQID',
    );
    expect(falAudioInputUrl({ kind: 'bytes', bytes, contentType: 'audio/webm; codecs=opus' })).toBe(
      'data:video/webm;base64,AQID',
    );
    expect(falAudioInputUrl({ kind: 'url', url: 'data:audio/wav;base64,AQID' })).toBe(
      'data:audio/x-wav;base64,AQID',
    );
    expect(falAudioInputUrl({ kind: 'bytes', bytes, contentType: 'audio/mpeg' })).toBe(
      'data:audio/mpeg;base64,AQID',
    );
  });

  it('passes a public URL through for fal to fetch', () => {
    expect(falAudioInputUrl({ kind: 'url', url: 'https://example.com/talk.mp3' })).toBe(
      'https://example.com/talk.mp3',
    );
  });

  it("refuses audio types fal's Whisper does not read", () => {
    expect(() => falAudioInputUrl({ kind: 'bytes', bytes, contentType: 'audio/flac' })).toThrow(InputError);
    expect(() => falAudioInputUrl({ kind: 'url', url: 'data:audio/ogg;base64,AQID' })).toThrow(
      /cannot transcribe 'audio\/ogg'/,
    );
  });
});
