/** Builds ISO base media file format (MP4) boxes: a size, a four-character type, then the payload. */

/** A box of `type` around `parts` (raw bytes or nested boxes). */
export function box(type: string, ...parts: readonly Uint8Array[]): Uint8Array {
  const size = 8 + parts.reduce((total, part) => total + part.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, size);
  for (let index = 0; index < 4; index += 1) out[4 + index] = type.charCodeAt(index);
  let offset = 8;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A full box: a box whose payload starts with a version byte and 24 bits of flags. */
export function fullBox(
  type: string,
  version: number,
  flags: number,
  ...parts: readonly Uint8Array[]
): Uint8Array {
  return box(type, uint32((version << 24) | flags), ...parts);
}

/** Big-endian unsigned integers of each width, concatenated. */
export function uint32(...values: readonly number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  for (const [index, value] of values.entries()) view.setUint32(index * 4, value >>> 0);
  return out;
}

export function uint16(...values: readonly number[]): Uint8Array {
  const out = new Uint8Array(values.length * 2);
  const view = new DataView(out.buffer);
  for (const [index, value] of values.entries()) view.setUint16(index * 2, value);
  return out;
}

export function uint8(...values: readonly number[]): Uint8Array {
  return Uint8Array.from(values);
}

export function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (character) => character.charCodeAt(0));
}

/** The identity transformation matrix of `mvhd` and `tkhd` (16.16 and 2.30 fixed point). */
export const IDENTITY_MATRIX = uint32(0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000);
