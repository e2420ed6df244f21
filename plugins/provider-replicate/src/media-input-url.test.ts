import { describe, expect, it } from 'vitest';
import { mediaInputUrl } from './media-input-url.js';

describe('mediaInputUrl', () => {
  it('passes URLs through and turns bytes into a base64 data URL', () => {
    expect(mediaInputUrl({ kind: 'url', url: 'https://example.com/cat.png' })).toBe(
      'https://example.com/cat.png',
    );
    expect(
      mediaInputUrl({
        kind: 'bytes',
        bytes: new Uint8Array([0x52, 0x49, 0x46, 0x46]),
        contentType: 'audio/wav',
      }),
    ).toBe('data:audio/wav;base64,UklGRg==');
  });
});
