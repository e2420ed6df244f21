import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { toWavespeedImage } from './to-wavespeed-image.js';

describe('toWavespeedImage', () => {
  it('sends bytes as bare base64, the way Hugging Face sends images to WaveSpeed', () => {
    const bytes = new Uint8Array([0, 137, 80, 78, 71, 255]).subarray(1);
    expect(toWavespeedImage({ kind: 'bytes', bytes, contentType: 'image/png' })).toBe(
      Buffer.from([137, 80, 78, 71, 255]).toString('base64'),
    );
  });

  it('strips the prefix of a base64 data URL', () => {
    expect(toWavespeedImage({ kind: 'url', url: 'data:image/png;base64,iVBORw0KGgo=' })).toBe('iVBORw0KGgo=');
  });

  it('passes an http(s) URL through for WaveSpeed to fetch', () => {
    expect(toWavespeedImage({ kind: 'url', url: 'https://example.com/cat.png' })).toBe(
      'https://example.com/cat.png',
    );
  });

  it('refuses anything else as an input error naming the parameter', () => {
    for (const media of [undefined, { kind: 'url', url: 'ftp://example.com/cat.png' }, { kind: 'bytes' }]) {
      try {
        toWavespeedImage(media as never, 'inputs');
        expect.unreachable();
      } catch (error) {
        expect(InputError.isInstance(error)).toBe(true);
        expect((error as InputError).param).toBe('inputs');
      }
    }
  });
});
