/** Encodes deterministic WAV clips (16-bit PCM mono tones), real files any player opens, for simulated speech. */
import { createSeededRandom } from '../simulator/seeded-random.js';

export interface WavOptions {
  readonly durationMs: number;
  /** Samples per second; default 16 000 (what speech models produce and take). */
  readonly sampleRate?: number;
  /** The same seed gives the same bytes. */
  readonly seed: string | number;
}

const HEADER_BYTES = 44;
const BYTES_PER_SAMPLE = 2;
/** A quiet tone (a quarter of full scale), so a person opening the file is not startled. */
const AMPLITUDE = 0x1fff;
const WAVE_FORMAT_PCM = 1;

/**
 * A RIFF/WAVE file of `durationMs` (rounded to whole samples) holding a sine tone whose pitch, between 220 and
 * 880 Hz, comes from the seed.
 *
 * @example
 * const wav = encodeWav({ durationMs: 1500, seed: 'Hello there' }); // 48 044 bytes at 16 kHz
 * wavDurationMs(wav); // 1500
 */
export function encodeWav({ durationMs, sampleRate = 16_000, seed }: WavOptions): Uint8Array {
  if (!Number.isFinite(durationMs) || durationMs < 0)
    throw new RangeError(`WAV duration must be a non-negative number of milliseconds, got ${durationMs}`);
  if (!Number.isInteger(sampleRate) || sampleRate < 1)
    throw new RangeError(`WAV sample rate must be a positive integer, got ${sampleRate}`);
  const samples = Math.round((durationMs * sampleRate) / 1000);
  const dataBytes = samples * BYTES_PER_SAMPLE;
  const wav = Buffer.alloc(HEADER_BYTES + dataBytes);
  wav.write('RIFF', 0, 'latin1');
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write('WAVE', 8, 'latin1');
  wav.write('fmt ', 12, 'latin1');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(WAVE_FORMAT_PCM, 20);
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * BYTES_PER_SAMPLE, 28); // byte rate
  wav.writeUInt16LE(BYTES_PER_SAMPLE, 32); // block align
  wav.writeUInt16LE(BYTES_PER_SAMPLE * 8, 34); // bits per sample
  wav.write('data', 36, 'latin1');
  wav.writeUInt32LE(dataBytes, 40);
  const frequency = 220 + createSeededRandom({ wav: seed }).below(661);
  for (let index = 0; index < samples; index += 1) {
    const value = Math.round(AMPLITUDE * Math.sin((2 * Math.PI * frequency * index) / sampleRate));
    wav.writeInt16LE(value, HEADER_BYTES + index * BYTES_PER_SAMPLE);
  }
  return new Uint8Array(wav.buffer, wav.byteOffset, wav.length);
}
