/** The MIME type of an uploaded audio file, for providers that need one: the client's, else the file name's. */

/** The formats OpenAI's transcription endpoint takes, by file extension. */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  flac: 'audio/flac',
  m4a: 'audio/mp4',
  mp3: 'audio/mpeg',
  mp4: 'audio/mp4',
  mpeg: 'audio/mpeg',
  mpga: 'audio/mpeg',
  oga: 'audio/ogg',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
  webm: 'audio/webm',
};

/**
 * A declared `audio/*` or `video/*` type wins; a generic one (`application/octet-stream`, which form encoders
 * send for a bare buffer) gives way to the file's extension.
 *
 * @example
 * audioMediaType('speech.wav', 'application/octet-stream'); // 'audio/wav'
 * audioMediaType('clip', 'audio/ogg'); // 'audio/ogg'
 */
export function audioMediaType(filename: string | undefined, declared: string | undefined): string {
  const type = declared?.split(';')[0]?.trim().toLowerCase();
  if (type?.startsWith('audio/') || type?.startsWith('video/')) return type;
  const extension = filename?.split('.').pop()?.toLowerCase();
  return (extension && BY_EXTENSION[extension]) || type || 'application/octet-stream';
}
