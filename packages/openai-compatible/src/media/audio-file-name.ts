/** A file name for an audio upload: OpenAI-style transcription servers pick the decoder by its extension. */

const EXTENSIONS: Readonly<Record<string, string>> = {
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
  'audio/mp4': 'm4a',
  'audio/m4a': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'aac',
  'audio/flac': 'flac',
  'audio/x-flac': 'flac',
  'audio/ogg': 'ogg',
  'audio/opus': 'opus',
  'audio/webm': 'webm',
  'video/webm': 'webm',
  'video/mp4': 'mp4',
};

/**
 * `audio.<extension>` for the MIME type (parameters such as `;codecs=opus` ignored); `audio.wav` when the type is
 * unknown, which is what Hugging Face's client sends too.
 *
 * @example
 * audioFileName('audio/webm;codecs=opus'); // 'audio.webm'
 */
export function audioFileName(contentType: string | undefined): string {
  const base = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return `audio.${EXTENSIONS[base] ?? 'wav'}`;
}
