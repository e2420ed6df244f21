/**
 * Encodes deterministic MP4 clips for simulated video answers: `ftyp`, then `moov` (`mvhd` with the clip's
 * duration, one `avc1` video `trak` with its dimensions and sample tables), then `mdat`, with `moov` first so a
 * player can start before the whole file has arrived.
 *
 * Codec: H.264 Constrained Baseline with every macroblock coded I_PCM (see `h264-pcm-stream.ts`). H.264 is the
 * one codec every MP4 reader and player decodes (browsers included, unlike Motion JPEG or uncompressed video in
 * MP4), and I_PCM needs no transform or entropy coder, so the encoder stays small. Frames are stored raw, so the
 * frame rate is low (1 per second by default) to keep files small; players show each frame for its duration.
 */
import { createSeededRandom } from '../simulator/seeded-random.js';
import {
  type H264PcmStream,
  h264PcmIdrSlice,
  h264PcmParameterSets,
  macroblocksOf,
  type PcmFrame,
} from './h264-pcm-stream.js';
import { ascii, box, fullBox, IDENTITY_MATRIX, uint8, uint16, uint32 } from './iso-box.js';

export interface Mp4Options {
  readonly durationMs: number;
  /** Even, as 4:2:0 video needs. */
  readonly width: number;
  readonly height: number;
  /** The same seed gives the same bytes. */
  readonly seed: string | number;
  /** Frames per second; default 1. */
  readonly frameRate?: number;
}

/** Media and movie time in milliseconds, so durations are exact. */
const TIMESCALE = 1000;
/** ISO-639-2 'und' packed into 15 bits. */
const LANGUAGE_UNDETERMINED = 0x55c4;

/** A frame of a diagonal band that moves with `index`, in colours from the seed, at the padded size. */
function drawFrame(columns: number, rows: number, index: number, colors: readonly number[]): PcmFrame {
  const lumaWidth = columns * 16;
  const lumaHeight = rows * 16;
  const luma = new Uint8Array(lumaWidth * lumaHeight);
  const [lightLuma = 180, darkLuma = 60, cbValue = 128, crValue = 128] = colors;
  const bandWidth = Math.max(8, Math.floor(lumaWidth / 4));
  const shift = index * Math.max(4, Math.floor(lumaWidth / 8));
  for (let y = 0; y < lumaHeight; y += 1) {
    for (let x = 0; x < lumaWidth; x += 1) {
      // Studio-range samples (16-235) never include zero bytes, which keeps emulation prevention rare.
      luma[y * lumaWidth + x] = Math.floor((x + y + shift) / bandWidth) % 2 === 0 ? lightLuma : darkLuma;
    }
  }
  const chromaSize = (lumaWidth / 2) * (lumaHeight / 2);
  return { luma, cb: new Uint8Array(chromaSize).fill(cbValue), cr: new Uint8Array(chromaSize).fill(crValue) };
}

function assertOptions({ durationMs, width, height, frameRate = 1 }: Mp4Options): void {
  if (!Number.isInteger(durationMs) || durationMs < 1)
    throw new RangeError(`MP4 duration must be a positive whole number of milliseconds, got ${durationMs}`);
  for (const [name, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (!Number.isInteger(value) || value < 2 || value % 2 !== 0 || value > 8192)
      throw new RangeError(`MP4 ${name} must be an even integer from 2 to 8192, got ${value}`);
  }
  if (!(frameRate > 0 && frameRate <= 60))
    throw new RangeError(`MP4 frame rate must be in (0, 60], got ${frameRate}`);
}

/** Sample durations that add up to exactly `durationMs`: equal, with the remainder on the last frame. */
function sampleDurations(durationMs: number, frameRate: number): number[] {
  const frames = Math.max(1, Math.min(durationMs, Math.ceil((durationMs * frameRate) / 1000)));
  const each = Math.floor(durationMs / frames);
  return Array.from({ length: frames }, (_, index) =>
    index === frames - 1 ? durationMs - each * (frames - 1) : each,
  );
}

/** stts: run-length (count, delta) pairs of the sample durations. */
function timeToSample(durations: readonly number[]): Uint8Array {
  const runs: [number, number][] = [];
  for (const duration of durations) {
    const last = runs.at(-1);
    if (last && last[1] === duration) last[0] += 1;
    else runs.push([1, duration]);
  }
  return fullBox('stts', 0, 0, uint32(runs.length, ...runs.flat()));
}

function sampleEntry(width: number, height: number, stream: H264PcmStream): Uint8Array {
  const avcC = box(
    'avcC',
    uint8(1, stream.profileIdc, stream.constraintFlags, stream.levelIdc, 0xff, 0xe1),
    uint16(stream.sps.length),
    stream.sps,
    uint8(1),
    uint16(stream.pps.length),
    stream.pps,
  );
  const compressorName = new Uint8Array(32);
  const name = ascii('Tollgate I_PCM');
  compressorName[0] = name.length;
  compressorName.set(name, 1);
  return box(
    'avc1',
    new Uint8Array(6), // reserved
    uint16(1), // data_reference_index
    new Uint8Array(16), // pre_defined and reserved
    uint16(width, height),
    uint32(0x00480000, 0x00480000, 0), // 72 dpi, reserved
    uint16(1), // frame_count
    compressorName,
    uint16(0x0018, 0xffff), // depth, pre_defined -1
    avcC,
  );
}

function movieBox(
  options: Mp4Options,
  durations: readonly number[],
  sampleSizes: readonly number[],
  stream: H264PcmStream,
  mdatDataOffset: number,
): Uint8Array {
  const { durationMs, width, height } = options;
  const mvhd = fullBox(
    'mvhd',
    0,
    0,
    uint32(0, 0, TIMESCALE, durationMs, 0x00010000), // created, modified, timescale, duration, rate 1.0
    uint16(0x0100, 0), // volume 1.0, reserved
    uint32(0, 0), // reserved
    IDENTITY_MATRIX,
    new Uint8Array(24), // pre_defined
    uint32(2), // next_track_ID
  );
  const tkhd = fullBox(
    'tkhd',
    0,
    0x000003, // enabled, in movie
    uint32(0, 0, 1, 0, durationMs, 0, 0), // created, modified, track_ID, reserved, duration, reserved x2
    uint16(0, 0, 0, 0), // layer, alternate_group, volume (0 for video), reserved
    IDENTITY_MATRIX,
    uint32(width * 0x10000, height * 0x10000),
  );
  const mdhd = fullBox('mdhd', 0, 0, uint32(0, 0, TIMESCALE, durationMs), uint16(LANGUAGE_UNDETERMINED, 0));
  const hdlr = fullBox('hdlr', 0, 0, uint32(0), ascii('vide'), uint32(0, 0, 0), ascii('VideoHandler\0'));
  const stbl = box(
    'stbl',
    fullBox('stsd', 0, 0, uint32(1), sampleEntry(width, height, stream)),
    timeToSample(durations),
    // Every sample is an IDR picture; with no stss box all samples are sync samples.
    fullBox('stsc', 0, 0, uint32(1, 1, sampleSizes.length, 1)),
    fullBox('stsz', 0, 0, uint32(0, sampleSizes.length, ...sampleSizes)),
    fullBox('stco', 0, 0, uint32(1, mdatDataOffset)),
  );
  const minf = box(
    'minf',
    fullBox('vmhd', 0, 1, uint16(0, 0, 0, 0)),
    box('dinf', fullBox('dref', 0, 0, uint32(1), fullBox('url ', 0, 1))),
    stbl,
  );
  return box('moov', mvhd, box('trak', tkhd, box('mdia', mdhd, hdlr, minf)));
}

/**
 * A `width` x `height` MP4 of exactly `durationMs` (the `mvhd`, `tkhd` and `mdhd` durations), one H.264
 * video track of IDR frames showing a moving band in colours from the seed.
 *
 * @example
 * const mp4 = encodeMp4({ durationMs: 5000, width: 320, height: 240, seed: 'A cat surfing' });
 * media.put(mp4, 'video/mp4', 'mp4');
 */
export function encodeMp4(options: Mp4Options): Uint8Array {
  assertOptions(options);
  const { durationMs, width, height, seed, frameRate = 1 } = options;
  const random = createSeededRandom({ mp4: seed });
  const colors = [
    150 + random.below(86),
    16 + random.below(80),
    16 + random.below(220),
    16 + random.below(220),
  ];
  const size = macroblocksOf(width, height);
  const stream = h264PcmParameterSets(width, height);
  const durations = sampleDurations(durationMs, frameRate);
  // Each sample is one NAL unit behind a 4-byte length (avcC's lengthSizeMinusOne = 3).
  const samples = durations.map((_, index) => {
    const nal = h264PcmIdrSlice(drawFrame(size.columns, size.rows, index, colors), size, index % 2);
    const sample = new Uint8Array(4 + nal.length);
    new DataView(sample.buffer).setUint32(0, nal.length);
    sample.set(nal, 4);
    return sample;
  });
  const sampleSizes = samples.map((sample) => sample.length);
  const ftyp = box('ftyp', ascii('isom'), uint32(0x200), ascii('isomiso2avc1mp41'));
  // moov's size does not depend on the chunk offset it holds, so build it once to learn where mdat starts.
  const moovSize = movieBox(options, durations, sampleSizes, stream, 0).length;
  const moov = movieBox(options, durations, sampleSizes, stream, ftyp.length + moovSize + 8);
  const mdat = box('mdat', ...samples);
  const file = new Uint8Array(ftyp.length + moov.length + mdat.length);
  file.set(ftyp, 0);
  file.set(moov, ftyp.length);
  file.set(mdat, ftyp.length + moov.length);
  return file;
}
