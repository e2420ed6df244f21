/** Reads the duration of a PCM WAV file, which is what providers bill speech by. */

/**
 * The duration in milliseconds (fractional when the sample count is not a whole number of milliseconds) of a
 * RIFF/WAVE file, from its `fmt ` byte rate and its `data` size. Chunks are walked, so files with `LIST` or
 * `fact` chunks before `data` are read too. Throws on a file that is not RIFF/WAVE or lacks those chunks.
 *
 * @example
 * wavDurationMs(encodeWav({ durationMs: 1500, seed: 1 })); // 1500
 */
export function wavDurationMs(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.length < 12 || text(0) !== 'RIFF' || text(8) !== 'WAVE')
    throw new TypeError('not a RIFF/WAVE file');
  let byteRate: number | undefined;
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const id = text(offset);
    const size = view.getUint32(offset + 4, true);
    if (id === 'fmt ' && size >= 16) byteRate = view.getUint32(offset + 16, true);
    if (id === 'data') {
      if (byteRate === undefined || byteRate === 0)
        throw new TypeError('WAV data chunk before a usable fmt chunk');
      // Streaming writers leave the size at 0 or 0xFFFFFFFF; the bytes actually present are the truth then.
      const present = bytes.length - (offset + 8);
      const dataBytes = size === 0 || size === 0xffffffff ? present : Math.min(size, present);
      return (dataBytes * 1000) / byteRate;
    }
    // Chunks are padded to an even size.
    offset += 8 + size + (size % 2);
  }
  throw new TypeError('WAV file has no data chunk');
}
