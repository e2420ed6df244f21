/** A small ISO BMFF box reader and H.264 SPS reader, independent of the encoder, for tests. */

export interface ReadBox {
  readonly type: string;
  /** Offset of the box's first byte in the file. */
  readonly start: number;
  readonly size: number;
  /** The payload after the 8-byte header. */
  readonly payload: DataView;
  readonly payloadStart: number;
}

const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'dinf']);

export function readBoxes(file: Uint8Array, start = 0, end = file.length): ReadBox[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const boxes: ReadBox[] = [];
  for (let offset = start; offset < end; ) {
    const size = view.getUint32(offset);
    if (size < 8 || offset + size > end) throw new Error(`bad box size ${size} at ${offset}`);
    const type = String.fromCharCode(...file.subarray(offset + 4, offset + 8));
    boxes.push({
      type,
      start: offset,
      size,
      payload: new DataView(file.buffer, file.byteOffset + offset + 8, size - 8),
      payloadStart: offset + 8,
    });
    offset += size;
  }
  return boxes;
}

/** The first box on `path` (e.g. ['moov', 'trak', 'tkhd']). */
export function findBox(file: Uint8Array, path: readonly string[]): ReadBox {
  let boxes = readBoxes(file);
  let found: ReadBox | undefined;
  for (const [index, type] of path.entries()) {
    found = boxes.find((candidate) => candidate.type === type);
    if (!found) throw new Error(`no ${path.slice(0, index + 1).join('/')}`);
    if (CONTAINERS.has(type)) boxes = readBoxes(file, found.payloadStart, found.start + found.size);
  }
  return found!;
}

/** Exp-Golomb reader over an RBSP (emulation-prevention bytes removed). */
function bitReader(bytes: Uint8Array) {
  let position = 0;
  const bit = () => {
    const value = (bytes[position >> 3]! >> (7 - (position & 7))) & 1;
    position += 1;
    return value;
  };
  const bits = (count: number) => {
    let value = 0;
    for (let index = 0; index < count; index += 1) value = value * 2 + bit();
    return value;
  };
  const unsigned = () => {
    let zeros = 0;
    while (bit() === 0) zeros += 1;
    return 2 ** zeros - 1 + bits(zeros);
  };
  return { bits, unsigned };
}

function removeEmulationPrevention(nal: Uint8Array): Uint8Array {
  const out: number[] = [];
  let zeros = 0;
  for (const value of nal) {
    if (zeros >= 2 && value === 3) {
      zeros = 0;
      continue;
    }
    out.push(value);
    zeros = value === 0 ? zeros + 1 : 0;
  }
  return Uint8Array.from(out);
}

/** The profile, level and cropped picture size a Baseline SPS NAL unit declares. */
export function readBaselineSps(nal: Uint8Array): {
  profile: number;
  level: number;
  width: number;
  height: number;
} {
  const reader = bitReader(removeEmulationPrevention(nal.subarray(1)));
  const profile = reader.bits(8);
  reader.bits(8);
  const level = reader.bits(8);
  reader.unsigned(); // sps id
  reader.unsigned(); // log2_max_frame_num_minus4
  const pocType = reader.unsigned();
  if (pocType !== 2) throw new Error(`this reader handles pic_order_cnt_type 2 only, got ${pocType}`);
  reader.unsigned(); // max_num_ref_frames
  reader.bits(1);
  const columns = reader.unsigned() + 1;
  const rows = reader.unsigned() + 1;
  const frameMbsOnly = reader.bits(1);
  if (frameMbsOnly !== 1) throw new Error('interlaced SPS');
  reader.bits(1);
  let width = columns * 16;
  let height = rows * 16;
  if (reader.bits(1) === 1) {
    const left = reader.unsigned();
    const right = reader.unsigned();
    const top = reader.unsigned();
    const bottom = reader.unsigned();
    width -= 2 * (left + right);
    height -= 2 * (top + bottom);
  }
  return { profile, level, width, height };
}
