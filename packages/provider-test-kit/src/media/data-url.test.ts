import { describe, expect, it } from 'vitest';
import { decodeDataUrl, toDataUrl } from './data-url.js';
import { encodePng } from './encode-png.js';

describe('data URLs', () => {
  it('round-trips bytes and content type through base64', () => {
    const png = encodePng({ width: 4, height: 4, seed: 1 });
    const url = toDataUrl(png, 'image/png');
    expect(url.startsWith('data:image/png;base64,iVBORw0KGgo')).toBe(true);
    expect(decodeDataUrl(url)).toEqual({ bytes: png, contentType: 'image/png' });
  });

  it('keeps media type parameters and reads percent-encoded payloads', () => {
    expect(decodeDataUrl('data:text/plain;charset=utf-8,hi%20there')).toEqual({
      bytes: new Uint8Array(Buffer.from('hi there')),
      contentType: 'text/plain;charset=utf-8',
    });
    expect(decodeDataUrl('data:,x').contentType).toBe('text/plain;charset=US-ASCII');
  });

  it('refuses what is not a data URL or not base64', () => {
    expect(() => decodeDataUrl('https://example.com/a.png')).toThrow(TypeError);
    expect(() => decodeDataUrl('data:image/png;base64,@@@')).toThrow(/not base64/);
  });
});
