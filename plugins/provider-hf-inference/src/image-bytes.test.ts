import { UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { tinyPng } from './fixtures.test-helpers.js';
import { base64Image, imageBytes } from './image-bytes.js';

describe('imageBytes', () => {
  it('keeps the stated image type, without its parameters', () => {
    const png = tinyPng();
    expect(imageBytes(png, 'image/png; charset=binary', 't')).toEqual({
      kind: 'bytes',
      bytes: png,
      contentType: 'image/png',
    });
  });

  it('recognises PNG, JPEG, WebP and GIF when the type is missing or generic', () => {
    expect(imageBytes(tinyPng(), undefined, 't').contentType).toBe('image/png');
    expect(
      imageBytes(new Uint8Array([0xff, 0xd8, 0xff, 0xdb]), 'application/octet-stream', 't').contentType,
    ).toBe('image/jpeg');
    const webp = new Uint8Array([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 ')]);
    expect(imageBytes(webp, undefined, 't').contentType).toBe('image/webp');
    expect(imageBytes(new Uint8Array(Buffer.from('GIF89a')), undefined, 't').contentType).toBe('image/gif');
  });

  it('refuses bytes that are not an image', () => {
    expect(() => imageBytes(new Uint8Array(Buffer.from('{"error":1}')), 'text/plain', 't')).toThrow(
      UpstreamOutputError,
    );
    expect(() => imageBytes(new Uint8Array(), 'image/png', 't')).toThrow(UpstreamOutputError);
  });
});

describe('base64Image', () => {
  it('decodes a base64 PNG', () => {
    const png = tinyPng();
    expect(base64Image(Buffer.from(png).toString('base64'), 't')).toEqual({
      kind: 'bytes',
      bytes: png,
      contentType: 'image/png',
    });
  });

  it('refuses text that is not base64, and base64 that is not an image', () => {
    expect(() => base64Image('not base64!', 't')).toThrow(UpstreamOutputError);
    expect(() => base64Image(42, 't')).toThrow(UpstreamOutputError);
    expect(() => base64Image(Buffer.from('hello').toString('base64'), 't')).toThrow(/expected an image/);
  });
});
