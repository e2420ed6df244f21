import { describe, expect, it } from 'vitest';
import { encodeMp4 } from './encode-mp4.js';
import { findBox, readBaselineSps, readBoxes } from './iso-box-reader.test-helpers.js';

const text = (view: DataView, offset: number, length = 4) =>
  String.fromCharCode(...new Uint8Array(view.buffer, view.byteOffset + offset, length));

describe('encodeMp4', () => {
  const mp4 = encodeMp4({ durationMs: 2500, width: 200, height: 120, seed: 'a cat surfing' });

  it('is ftyp, moov, mdat at the top level, with an isom brand', () => {
    const top = readBoxes(mp4);
    expect(top.map((box) => box.type)).toEqual(['ftyp', 'moov', 'mdat']);
    expect(text(top[0]!.payload, 0)).toBe('isom');
    expect(top.at(-1)!.start + top.at(-1)!.size).toBe(mp4.length);
  });

  it('states the duration in mvhd, tkhd and mdhd', () => {
    const mvhd = findBox(mp4, ['moov', 'mvhd']).payload;
    expect(mvhd.getUint32(16) / mvhd.getUint32(12)).toBe(2.5); // duration / timescale
    const tkhd = findBox(mp4, ['moov', 'trak', 'tkhd']).payload;
    expect(tkhd.getUint32(20)).toBe(2500);
    const mdhd = findBox(mp4, ['moov', 'trak', 'mdia', 'mdhd']).payload;
    expect(mdhd.getUint32(16) / mdhd.getUint32(12)).toBe(2.5);
  });

  it('is one video track with the dimensions in tkhd, the sample entry and the SPS', () => {
    expect(
      readBoxes(mp4, findBox(mp4, ['moov']).payloadStart, mp4.length).filter((b) => b.type === 'trak').length,
    ).toBe(1);
    expect(text(findBox(mp4, ['moov', 'trak', 'mdia', 'hdlr']).payload, 8)).toBe('vide');
    const tkhd = findBox(mp4, ['moov', 'trak', 'tkhd']).payload;
    expect([tkhd.getUint32(76) / 0x10000, tkhd.getUint32(80) / 0x10000]).toEqual([200, 120]);
    const stsd = findBox(mp4, ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stsd']);
    const entry = readBoxes(mp4, stsd.payloadStart + 8, stsd.start + stsd.size)[0]!;
    expect(entry.type).toBe('avc1');
    expect([entry.payload.getUint16(24), entry.payload.getUint16(26)]).toEqual([200, 120]);
    const avcC = readBoxes(mp4, entry.payloadStart + 78, entry.start + entry.size)[0]!;
    expect(avcC.type).toBe('avcC');
    const spsLength = avcC.payload.getUint16(6);
    const sps = new Uint8Array(avcC.payload.buffer, avcC.payload.byteOffset + 8, spsLength);
    expect(sps[0]! & 0x1f).toBe(7);
    expect(readBaselineSps(sps)).toEqual({ profile: 66, level: 20, width: 200, height: 120 });
  });

  it('has sample tables that add up to the duration and point into mdat', () => {
    const stbl = ['moov', 'trak', 'mdia', 'minf', 'stbl'];
    const stts = findBox(mp4, [...stbl, 'stts']).payload;
    let total = 0;
    let samples = 0;
    for (let entry = 0; entry < stts.getUint32(4); entry += 1) {
      samples += stts.getUint32(8 + entry * 8);
      total += stts.getUint32(8 + entry * 8) * stts.getUint32(12 + entry * 8);
    }
    expect(total).toBe(2500);
    expect(samples).toBe(3); // one frame per second by default, rounded up
    const stsz = findBox(mp4, [...stbl, 'stsz']).payload;
    expect(stsz.getUint32(8)).toBe(samples);
    const sizes = Array.from({ length: samples }, (_, index) => stsz.getUint32(12 + index * 4));
    const mdat = findBox(mp4, ['mdat']);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(mdat.size - 8);
    const stco = findBox(mp4, [...stbl, 'stco']).payload;
    expect(stco.getUint32(8)).toBe(mdat.payloadStart);
    // Each sample is one length-prefixed IDR slice NAL unit.
    const view = new DataView(mp4.buffer, mp4.byteOffset);
    let offset = mdat.payloadStart;
    for (const size of sizes) {
      expect(view.getUint32(offset)).toBe(size - 4);
      expect(mp4[offset + 4]! & 0x1f).toBe(5);
      offset += size;
    }
  });

  it('honours the frame rate, is deterministic per seed, and refuses odd sizes', () => {
    const fast = encodeMp4({ durationMs: 1000, width: 16, height: 16, seed: 1, frameRate: 4 });
    expect(findBox(fast, ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stsz']).payload.getUint32(8)).toBe(4);
    expect(encodeMp4({ durationMs: 1000, width: 16, height: 16, seed: 1, frameRate: 4 })).toEqual(fast);
    expect(encodeMp4({ durationMs: 1000, width: 16, height: 16, seed: 2, frameRate: 4 })).not.toEqual(fast);
    expect(() => encodeMp4({ durationMs: 1000, width: 15, height: 16, seed: 1 })).toThrow(RangeError);
    expect(() => encodeMp4({ durationMs: 0, width: 16, height: 16, seed: 1 })).toThrow(RangeError);
  });
});
