import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { audioMediaType } from './audio-media-type.js';
import { encodeFloat32Base64 } from './encode-float32-base64.js';
import { dataUrlOf, mediaAsUrl } from './media-for-client.js';
import { parseImageSize } from './parse-image-size.js';

describe('parseImageSize', () => {
  it('reads WIDTHxHEIGHT, and leaves auto or no size to the provider', () => {
    expect(parseImageSize('1024x768')).toEqual({ width: 1024, height: 768 });
    expect(parseImageSize('auto')).toBeUndefined();
    expect(parseImageSize(undefined)).toBeUndefined();
  });

  it.each(['1024', '1024X768', '0x512', '-1x5', '1024x768px', '123456x2'])('rejects %s on size', (size) => {
    let caught: unknown;
    try {
      parseImageSize(size);
    } catch (error) {
      caught = error;
    }
    expect(InputError.isInstance(caught)).toBe(true);
    expect((caught as InputError).param).toBe('size');
  });
});

describe('encodeFloat32Base64', () => {
  it('writes little-endian float32, as the OpenAI SDKs read it', () => {
    expect(encodeFloat32Base64([1, -2])).toBe('AACAPwAAAMA=');
    const bytes = Uint8Array.from(Buffer.from(encodeFloat32Base64([0.1, 0.25]), 'base64'));
    const decoded = new Float32Array(bytes.buffer);
    expect(decoded[0]).toBe(Math.fround(0.1));
    expect(decoded[1]).toBe(0.25);
  });
});

describe('audioMediaType', () => {
  it("keeps a declared audio type and otherwise goes by the file's extension", () => {
    expect(audioMediaType('a.mp3', 'audio/ogg')).toBe('audio/ogg');
    expect(audioMediaType('talk.WAV', 'application/octet-stream')).toBe('audio/wav');
    expect(audioMediaType('clip.m4a', undefined)).toBe('audio/mp4');
    expect(audioMediaType('clip', 'application/octet-stream')).toBe('application/octet-stream');
  });
});

describe('mediaAsUrl', () => {
  it('hands a URL on and makes bytes a data: URL', () => {
    expect(mediaAsUrl({ kind: 'url', url: 'https://cdn.example/a.png' })).toBe('https://cdn.example/a.png');
    const bytes = new Uint8Array([0x89, 0x50]);
    expect(mediaAsUrl({ kind: 'bytes', bytes, contentType: 'image/png' })).toBe('data:image/png;base64,iVA=');
    expect(dataUrlOf(bytes, 'image/webp')).toBe('data:image/webp;base64,iVA=');
  });
});
