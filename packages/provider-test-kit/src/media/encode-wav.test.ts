import { describe, expect, it } from 'vitest';
import { encodeWav } from './encode-wav.js';
import { wavDurationMs } from './wav-duration-ms.js';

describe('encodeWav', () => {
  it('writes a 16-bit PCM mono RIFF/WAVE header and the samples', () => {
    const wav = Buffer.from(encodeWav({ durationMs: 250, seed: 'hello' }));
    expect(wav.toString('latin1', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.toString('latin1', 8, 16)).toBe('WAVEfmt ');
    expect(wav.readUInt16LE(20)).toBe(1); // PCM
    expect(wav.readUInt16LE(22)).toBe(1); // mono
    expect(wav.readUInt32LE(24)).toBe(16_000);
    expect(wav.readUInt32LE(28)).toBe(32_000);
    expect(wav.readUInt16LE(32)).toBe(2);
    expect(wav.readUInt16LE(34)).toBe(16);
    expect(wav.toString('latin1', 36, 40)).toBe('data');
    expect(wav.readUInt32LE(40)).toBe(4000 * 2);
    expect(wav.length).toBe(44 + 8000);
  });

  it('holds a tone, not silence', () => {
    const wav = Buffer.from(encodeWav({ durationMs: 100, seed: 'tone' }));
    const samples = Array.from({ length: 1600 }, (_, index) => wav.readInt16LE(44 + index * 2));
    expect(Math.max(...samples)).toBeGreaterThan(4000);
    expect(Math.min(...samples)).toBeLessThan(-4000);
  });

  it('reads its duration back, at any sample rate', () => {
    expect(wavDurationMs(encodeWav({ durationMs: 1500, seed: 1 }))).toBe(1500);
    expect(wavDurationMs(encodeWav({ durationMs: 2000, sampleRate: 24_000, seed: 1 }))).toBe(2000);
    expect(wavDurationMs(encodeWav({ durationMs: 0, seed: 1 }))).toBe(0);
  });

  it('is deterministic per seed', () => {
    expect(encodeWav({ durationMs: 50, seed: 'a' })).toEqual(encodeWav({ durationMs: 50, seed: 'a' }));
    expect(encodeWav({ durationMs: 50, seed: 'a' })).not.toEqual(encodeWav({ durationMs: 50, seed: 'b' }));
  });
});

describe('wavDurationMs', () => {
  it('walks past chunks before data (LIST, fact) and pads odd sizes', () => {
    const wav = Buffer.from(encodeWav({ durationMs: 500, seed: 2 }));
    const list = Buffer.concat([
      Buffer.from('LIST', 'latin1'),
      Buffer.from([3, 0, 0, 0]),
      Buffer.from('abc\0'),
    ]);
    const withList = Buffer.concat([wav.subarray(0, 36), list, wav.subarray(36)]);
    expect(wavDurationMs(withList)).toBe(500);
  });

  it('uses the bytes present when a streaming writer left the data size unset', () => {
    const wav = Buffer.from(encodeWav({ durationMs: 500, seed: 2 }));
    wav.writeUInt32LE(0xffffffff, 40);
    expect(wavDurationMs(wav)).toBe(500);
  });

  it('refuses what is not a WAV file', () => {
    expect(() => wavDurationMs(new Uint8Array([1, 2, 3]))).toThrow(/RIFF/);
    const noData = Buffer.from(encodeWav({ durationMs: 10, seed: 2 })).subarray(0, 36);
    expect(() => wavDurationMs(noData)).toThrow(/no data chunk/);
  });
});
