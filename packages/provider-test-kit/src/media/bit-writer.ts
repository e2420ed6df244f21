/** Writes the bit-level syntax of H.264 parameter sets and slices (fixed-width and Exp-Golomb fields). */

export interface BitWriter {
  /** `count` low bits of `value`, most significant first (count <= 32). */
  bits(value: number, count: number): void;
  /** ue(v): unsigned Exp-Golomb. */
  unsigned(value: number): void;
  /** se(v): signed Exp-Golomb. */
  signed(value: number): void;
  /** Zero bits up to the next byte boundary. */
  alignWithZeros(): void;
  /** rbsp_trailing_bits: a one bit, then zeros to the byte boundary. */
  trailingBits(): void;
  /** A whole byte; only at a byte boundary. */
  byte(value: number): void;
  isAligned(): boolean;
  /** The bytes written so far (the last one completed by zero bits). */
  finish(): Uint8Array;
}

/**
 * A growable MSB-first bit writer.
 *
 * @example
 * const writer = createBitWriter();
 * writer.unsigned(25); // I_PCM's mb_type: 000011010
 * writer.trailingBits();
 */
export function createBitWriter(initialBytes = 64): BitWriter {
  let buffer = new Uint8Array(initialBytes);
  let length = 0;
  let current = 0;
  let used = 0;
  const push = (value: number): void => {
    if (length === buffer.length) {
      const grown = new Uint8Array(buffer.length * 2);
      grown.set(buffer);
      buffer = grown;
    }
    buffer[length] = value;
    length += 1;
  };
  const bit = (value: number): void => {
    current = (current << 1) | (value & 1);
    used += 1;
    if (used === 8) {
      push(current);
      current = 0;
      used = 0;
    }
  };
  const writer: BitWriter = {
    bits(value, count) {
      for (let shift = count - 1; shift >= 0; shift -= 1) bit(Math.floor(value / 2 ** shift) % 2);
    },
    unsigned(value) {
      const coded = value + 1;
      const width = coded.toString(2).length;
      writer.bits(0, width - 1);
      writer.bits(coded, width);
    },
    signed(value) {
      writer.unsigned(value > 0 ? 2 * value - 1 : -2 * value);
    },
    alignWithZeros() {
      while (used !== 0) bit(0);
    },
    trailingBits() {
      bit(1);
      writer.alignWithZeros();
    },
    byte(value) {
      if (used !== 0) throw new Error('BitWriter.byte needs a byte boundary');
      push(value & 0xff);
    },
    isAligned: () => used === 0,
    finish() {
      const tail = used === 0 ? [] : [current << (8 - used)];
      const out = new Uint8Array(length + tail.length);
      out.set(buffer.subarray(0, length));
      if (tail.length) out[length] = tail[0]!;
      return out;
    },
  };
  return writer;
}
