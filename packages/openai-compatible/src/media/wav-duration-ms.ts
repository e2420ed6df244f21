/** Reads the duration of a RIFF/WAVE file from its header, for metering audio whose length is exactly known. */

function readTag(view: DataView, offset: number): string {
  return String.fromCharCode(
    view.getUint8(offset),
    view.getUint8(offset + 1),
    view.getUint8(offset + 2),
    view.getUint8(offset + 3),
  );
}

/**
 * The duration in whole milliseconds (rounded up) of a WAV file: the `data` chunk's size over the `fmt ` chunk's
 * byte rate. Undefined for anything that is not a well-formed WAV file, so a caller meters nothing rather than a
 * guess. A `data` size larger than the file (streamed WAVs write 0xFFFFFFFF) counts only the bytes present.
 *
 * @example
 * wavDurationMs(oneSecondOf16kHzMono); // 1000
 */
export function wavDurationMs(bytes: Uint8Array): number | undefined {
  if (bytes.byteLength < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (readTag(view, 0) !== 'RIFF' || readTag(view, 8) !== 'WAVE') return undefined;
  let byteRate: number | undefined;
  for (let offset = 12; offset + 8 <= bytes.byteLength; ) {
    const tag = readTag(view, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (tag === 'fmt ' && body + 12 <= bytes.byteLength) byteRate = view.getUint32(body + 8, true);
    if (tag === 'data') {
      if (!byteRate) return undefined;
      const present = Math.min(size, bytes.byteLength - body);
      return Math.ceil((present * 1000) / byteRate);
    }
    // Chunks are padded to an even size.
    offset = body + size + (size % 2);
  }
  return undefined;
}
