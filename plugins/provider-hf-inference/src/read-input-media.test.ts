import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { readInputMedia } from './read-input-media.js';

describe('readInputMedia', () => {
  it('passes bytes through with their type', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(readInputMedia({ kind: 'bytes', bytes, contentType: 'audio/flac' })).toEqual({
      bytes,
      contentType: 'audio/flac',
    });
  });

  it('decodes base64 and percent-encoded data: URLs', () => {
    expect(readInputMedia({ kind: 'url', url: 'data:image/png;base64,iVBORw0KGgo=' })).toEqual({
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      contentType: 'image/png',
    });
    expect(readInputMedia({ kind: 'url', url: 'data:text/plain,a%20b' })).toEqual({
      bytes: new Uint8Array([0x61, 0x20, 0x62]),
      contentType: 'text/plain',
    });
  });

  it('refuses links, empty files and values that are not media', () => {
    expect(() => readInputMedia({ kind: 'url', url: 'https://example.com/cat.jpg' })).toThrow(/not a link/);
    expect(() =>
      readInputMedia({ kind: 'bytes', bytes: new Uint8Array(), contentType: 'image/png' }),
    ).toThrow(InputError);
    expect(() => readInputMedia({ kind: 'url', url: 'data:image/png;base64,' })).toThrow(/empty file/);
    expect(() => readInputMedia({ kind: 'url', url: 'ftp://example.com/cat.jpg' })).toThrow(InputError);
    expect(() => readInputMedia('cat.jpg' as never)).toThrow(InputError);
    expect(() => readInputMedia(undefined)).toThrow(InputError);
  });
});
