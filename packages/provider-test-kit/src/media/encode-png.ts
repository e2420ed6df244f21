/** Encodes deterministic truecolour PNG images, real files any decoder opens, for simulated image answers. */
import { crc32, deflateSync } from 'node:zlib';
import { createSeededRandom } from '../simulator/seeded-random.js';

export interface PngOptions {
  readonly width: number;
  readonly height: number;
  /** The same seed gives the same bytes. */
  readonly seed: string | number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** IHDR colour type 2: RGB, no alpha. */
const COLOR_TYPE_TRUECOLOR = 2;
const BYTES_PER_PIXEL = 3;
/** PNG's limit on width and height (2^31 - 1); far beyond what a test needs, but the format's rule. */
const MAX_DIMENSION = 0x7fffffff;

/** One chunk: length, type, data and the CRC-32 of type and data. */
function chunk(type: string, data: Uint8Array): Buffer {
  const typeBytes = Buffer.from(type, 'latin1');
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  typeBytes.copy(head, 4);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(data, crc32(typeBytes)) >>> 0, 0);
  return Buffer.concat([head, data, tail]);
}

function assertDimension(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > MAX_DIMENSION)
    throw new RangeError(`PNG ${name} must be a positive integer, got ${value}`);
}

/**
 * Scanlines of a diagonal two-colour gradient (colours from the seed), each prefixed with filter type 0.
 * A gradient rather than noise keeps the file small and looks like an image when someone opens it.
 */
function scanlines(width: number, height: number, seed: string | number): Buffer {
  const random = createSeededRandom({ png: seed });
  const from = [random.below(256), random.below(256), random.below(256)];
  const to = [random.below(256), random.below(256), random.below(256)];
  const rowLength = 1 + width * BYTES_PER_PIXEL;
  const pixels = Buffer.alloc(rowLength * height);
  const span = Math.max(1, width + height - 2);
  for (let y = 0; y < height; y += 1) {
    const row = y * rowLength;
    for (let x = 0; x < width; x += 1) {
      const mix = (x + y) / span;
      for (let channel = 0; channel < BYTES_PER_PIXEL; channel += 1) {
        const start = from[channel]!;
        pixels[row + 1 + x * BYTES_PER_PIXEL + channel] = Math.round(start + (to[channel]! - start) * mix);
      }
    }
  }
  return pixels;
}

/**
 * A `width` x `height` 8-bit RGB PNG: signature, IHDR, one zlib-deflated IDAT, IEND, each chunk with its
 * CRC-32.
 *
 * @example
 * const png = encodePng({ width: 512, height: 512, seed: 'A lighthouse at dawn' });
 * media.put(png, 'image/png', 'png');
 */
export function encodePng({ width, height, seed }: PngOptions): Uint8Array {
  assertDimension('width', width);
  assertDimension('height', height);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = COLOR_TYPE_TRUECOLOR;
  // Bytes 10-12: deflate compression, adaptive filtering, no interlace (all 0).
  const png = Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines(width, height, seed))),
    chunk('IEND', new Uint8Array(0)),
  ]);
  return new Uint8Array(png.buffer, png.byteOffset, png.length);
}
