/** Black-and-white PNG masks, the way hf-inference's segmentation pipeline returns each segment. */
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Uint8Array): Buffer {
  const typeBytes = Buffer.from(type, 'latin1');
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  typeBytes.copy(head, 4);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(data, crc32(typeBytes)) >>> 0, 0);
  return Buffer.concat([head, data, tail]);
}

/**
 * An 8-bit greyscale PNG (PIL's mode `L`, as transformers saves masks) of `width` x `height`: 255 where
 * `inside(x, y)`, 0 elsewhere.
 *
 * @example
 * encodeMaskPng(4, 4, (x) => x < 2); // a 4x4 PNG, left half white
 */
export function encodeMaskPng(
  width: number,
  height: number,
  inside: (x: number, y: number) => boolean,
): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) rows[y * (width + 1) + 1 + x] = inside(x, y) ? 255 : 0;
  }
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(rows)),
      chunk('IEND', new Uint8Array()),
    ]),
  );
}
