import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng } from './encode-png.js';

/** CRC-32 (IEEE) written out independently of the encoder's zlib.crc32. */
function referenceCrc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

interface Chunk {
  readonly type: string;
  readonly data: Buffer;
  readonly crc: number;
  readonly crcInput: Buffer;
}

function chunksOf(png: Uint8Array): Chunk[] {
  const bytes = Buffer.from(png);
  const chunks: Chunk[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    chunks.push({
      type,
      data,
      crc: bytes.readUInt32BE(offset + 8 + length),
      crcInput: bytes.subarray(offset + 4, offset + 8 + length),
    });
    offset += 12 + length;
  }
  return chunks;
}

describe('encodePng', () => {
  const png = encodePng({ width: 37, height: 19, seed: 'lighthouse' });
  const chunks = chunksOf(png);

  it('writes the signature and IHDR, IDAT, IEND in order, each with a correct CRC-32', () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(chunks.map((chunk) => chunk.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    for (const chunk of chunks) expect(chunk.crc, chunk.type).toBe(referenceCrc32(chunk.crcInput));
    expect(chunks[2]!.data.length).toBe(0);
  });

  it('declares the size as 8-bit truecolour, not interlaced', () => {
    const header = chunks[0]!.data;
    expect(header.length).toBe(13);
    expect(header.readUInt32BE(0)).toBe(37);
    expect(header.readUInt32BE(4)).toBe(19);
    expect([...header.subarray(8)]).toEqual([8, 2, 0, 0, 0]);
  });

  it('holds exactly height scanlines of 1 filter byte + 3 bytes per pixel', () => {
    const pixels = inflateSync(chunks[1]!.data);
    expect(pixels.length).toBe(19 * (1 + 37 * 3));
    for (let row = 0; row < 19; row += 1) expect(pixels[row * (1 + 37 * 3)]).toBe(0);
  });

  it('is deterministic per seed and differs between seeds', () => {
    expect(encodePng({ width: 37, height: 19, seed: 'lighthouse' })).toEqual(png);
    expect(encodePng({ width: 37, height: 19, seed: 'harbour' })).not.toEqual(png);
  });

  it('refuses sizes that are not positive integers', () => {
    expect(() => encodePng({ width: 0, height: 4, seed: 1 })).toThrow(RangeError);
    expect(() => encodePng({ width: 4, height: 2.5, seed: 1 })).toThrow(RangeError);
  });
});
