import { UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { falOutputMedia } from './fal-output-media.js';

describe('falOutputMedia', () => {
  it("keeps a CDN URL as a URL with fal's content type", () => {
    expect(
      falOutputMedia({ url: 'https://v3.fal.media/files/a.png', content_type: 'image/png' }, 'fal-ai'),
    ).toEqual({
      kind: 'url',
      url: 'https://v3.fal.media/files/a.png',
      contentType: 'image/png',
    });
    expect(falOutputMedia({ url: 'https://v3.fal.media/files/a.bin' }, 'fal-ai')).toEqual({
      kind: 'url',
      url: 'https://v3.fal.media/files/a.bin',
    });
  });

  it('decodes an inline data URL (sync_mode) into bytes', () => {
    expect(falOutputMedia({ url: 'data:image/png;base64,AQID' }, 'fal-ai')).toEqual({
      kind: 'bytes',
      bytes: new Uint8Array([1, 2, 3]),
      contentType: 'image/png',
    });
  });

  it('rejects a file without a URL', () => {
    expect(() => falOutputMedia({ content_type: 'image/png' }, 'fal-ai')).toThrow(UpstreamOutputError);
    expect(() => falOutputMedia(null, 'fal-ai')).toThrow(/without a URL/);
  });
});
