/** Reads the size of an uploaded image, which the vision pipelines need to answer in its pixels. */
import { PipelineError } from './pipeline-answer.js';

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length &&
  signature.every((byte, index) => bytes[offset + index] === byte);

function jpegSize(bytes: Uint8Array): ImageSize | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 2; offset + 9 < bytes.length; ) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1] ?? 0;
    // SOF0-SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    offset += 2 + view.getUint16(offset + 2);
  }
  return undefined;
}

/**
 * Width and height of a PNG, JPEG or GIF; anything else is the 400 PIL's "cannot identify image file" gives.
 *
 * @example
 * readImageSize(encodePng({ width: 64, height: 32, seed: 1 })); // { width: 64, height: 32 }
 */
export function readImageSize(bytes: Uint8Array): ImageSize {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let size: ImageSize | undefined;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) && bytes.length >= 24) {
    size = { width: view.getUint32(16), height: view.getUint32(20) };
  } else if (startsWith(bytes, [0xff, 0xd8])) {
    size = jpegSize(bytes);
  } else if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && bytes.length >= 10) {
    size = { width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  if (size === undefined || size.width === 0 || size.height === 0) {
    throw new PipelineError(400, 'cannot identify image file');
  }
  return size;
}
