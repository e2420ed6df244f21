/** Reads how long an uploaded clip is, which the audio pipelines bill and transcribe by. */
import { wavDurationMs } from '../../media/wav-duration-ms.js';
import { PipelineError } from './pipeline-answer.js';

const startsWith = (bytes: Uint8Array, text: string, offset = 0): boolean =>
  bytes.length >= offset + text.length &&
  [...text].every((character, index) => bytes[offset + index] === character.charCodeAt(0));

/** Bytes per second the simulator assumes for a compressed clip (128 kbit/s), whose length it does not decode. */
const COMPRESSED_BYTES_PER_SECOND = 16_000;

/**
 * The clip's duration in milliseconds: exact for WAV, estimated from the size for MP3, FLAC, Ogg and WebM
 * (ffmpeg decodes them on the real server). Bytes that are no audio file are the 400 ffmpeg's reader gives.
 *
 * @example
 * readAudioDurationMs(encodeWav({ durationMs: 1500, seed: 1 })); // 1500
 */
export function readAudioDurationMs(bytes: Uint8Array): number {
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WAVE', 8)) {
    try {
      return Math.round(wavDurationMs(bytes));
    } catch {
      throw new PipelineError(400, 'Malformed soundfile');
    }
  }
  const compressed =
    startsWith(bytes, 'ID3') ||
    startsWith(bytes, 'fLaC') ||
    startsWith(bytes, 'OggS') ||
    (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) ||
    (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0);
  if (!compressed) throw new PipelineError(400, 'Malformed soundfile');
  return Math.max(1, Math.round((bytes.length * 1000) / COMPRESSED_BYTES_PER_SECOND));
}
