import { describe, expect, it } from 'vitest';
import { encodePng } from '../../media/encode-png.js';
import { encodeMaskPng } from './encode-mask-png.js';
import { PipelineError } from './pipeline-answer.js';
import { readImageSize } from './read-image-size.js';

/** The smallest JPEG header a reader needs: SOI, an APP0 segment, then SOF0 with the frame size. */
function jpegHeader(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x04, 0x00, 0x00];
  const sof0 = [
    0xff,
    0xc0,
    0x00,
    0x0b,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x01,
    0x01,
    0x11,
    0x00,
  ];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof0]);
}

describe('readImageSize', () => {
  it('reads PNG, JPEG and GIF sizes', () => {
    expect(readImageSize(encodePng({ width: 64, height: 32, seed: 1 }))).toEqual({ width: 64, height: 32 });
    expect(readImageSize(encodeMaskPng(5, 3, () => true))).toEqual({ width: 5, height: 3 });
    expect(readImageSize(jpegHeader(640, 480))).toEqual({ width: 640, height: 480 });
    const gif = new Uint8Array([...Buffer.from('GIF89a'), 0x20, 0x01, 0x10, 0x00]);
    expect(readImageSize(gif)).toEqual({ width: 288, height: 16 });
  });

  it('refuses other bytes the way PIL does', () => {
    expect(() => readImageSize(new Uint8Array(Buffer.from('hello')))).toThrow(PipelineError);
    expect(() => readImageSize(new Uint8Array([0xff, 0xd8, 0x00]))).toThrow('cannot identify image file');
  });
});
