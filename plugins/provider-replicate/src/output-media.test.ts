import { UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { firstOutputMedia, outputMedia, outputUrls } from './output-media.js';

describe('output media', () => {
  it('collects URLs from a list or a single string, skipping anything else', () => {
    expect(outputUrls(['https://replicate.delivery/a/out-0.png', 42, 'not a url'])).toEqual([
      'https://replicate.delivery/a/out-0.png',
    ]);
    expect(outputUrls('https://replicate.delivery/a/output.mp4')).toEqual([
      'https://replicate.delivery/a/output.mp4',
    ]);
    expect(outputUrls(null)).toEqual([]);
  });

  it('reads the content type from the file extension, or leaves it out', () => {
    expect(outputMedia('https://replicate.delivery/a/out-0.webp')).toEqual({
      kind: 'url',
      url: 'https://replicate.delivery/a/out-0.webp',
      contentType: 'image/webp',
    });
    expect(outputMedia('https://replicate.delivery/a/output.WAV?x=1').contentType).toBe('audio/wav');
    expect(outputMedia('https://replicate.delivery/a/output')).toEqual({
      kind: 'url',
      url: 'https://replicate.delivery/a/output',
    });
    expect(outputMedia('data:audio/wav;base64,AA==').contentType).toBe('audio/wav');
  });

  it('fails with an output error when there is no file to return', () => {
    expect(() => firstOutputMedia({ text: 'hi' }, 'text-to-speech')).toThrow(UpstreamOutputError);
  });
});
