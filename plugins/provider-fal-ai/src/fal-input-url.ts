/** Media a caller sends, in the form fal's model arguments take files: an HTTP URL or a data URL. */
import { InputError, type MediaV1 } from '@tollgate/provider-spec';

/**
 * The audio types fal's Whisper reads (mp3, mp4, mpeg, mpga, m4a, wav, webm), each under the MIME type the data
 * URL carries. Hugging Face's client sends WAV as `audio/x-wav` and WebM audio as `video/webm` to fal; the same
 * spellings are used here so a file that works through Hugging Face works through Tollgate.
 */
const AUDIO_TYPES: Readonly<Record<string, string>> = {
  'audio/mpeg': 'audio/mpeg',
  'audio/mp3': 'audio/mpeg',
  'audio/mpga': 'audio/mpeg',
  'audio/mp4': 'audio/mp4',
  'audio/m4a': 'audio/mp4',
  'audio/x-m4a': 'audio/mp4',
  'video/mp4': 'video/mp4',
  'audio/wav': 'audio/x-wav',
  'audio/wave': 'audio/x-wav',
  'audio/x-wav': 'audio/x-wav',
  'audio/webm': 'video/webm',
  'video/webm': 'video/webm',
};

const DATA_URL = /^data:([^;,]+)((?:;[^,]*)?,[\s\S]*)$/;

function toDataUrl(bytes: Uint8Array, contentType: string): string {
  return `data:${contentType};base64,${Buffer.from(bytes).toString('base64')}`;
}

/**
 * A URL stays as it is (fal fetches public URLs itself; a data URL it decodes); bytes become a base64 data URL.
 * fal also offers uploads to its CDN, but that is a second call the host would make, so media travel inline,
 * as Hugging Face's clients send them.
 *
 * @example
 * falInputUrl({ kind: 'bytes', bytes: new Uint8Array([1, 2]), contentType: 'image/png' }); // 'data:image/png;base64,AQI='
 */
export function falInputUrl(media: MediaV1): string {
  return media.kind === 'url' ? media.url : toDataUrl(media.bytes, media.contentType);
}

/**
 * Like {@link falInputUrl}, for audio: the MIME type of bytes and data URLs is checked against what fal's Whisper
 * reads and spelled as Hugging Face's client spells it. Throws an `InputError` for another audio type.
 *
 * @example
 * falAudioInputUrl({ kind: 'bytes', bytes: wav, contentType: 'audio/wav' }); // 'data:audio/x-wav;base64,...'
 */
export function falAudioInputUrl(media: MediaV1): string {
  if (media.kind === 'url') {
    const data = DATA_URL.exec(media.url);
    if (data === null) return media.url;
    return `data:${audioType(data[1] ?? '')}${data[2] ?? ''}`;
  }
  return toDataUrl(media.bytes, audioType(media.contentType));
}

function audioType(contentType: string): string {
  const type = AUDIO_TYPES[contentType.split(';')[0]?.trim().toLowerCase() ?? ''];
  if (type === undefined) {
    throw new InputError({
      message: `fal-ai cannot transcribe '${contentType}' audio; send mp3, mp4, m4a, wav or webm`,
      param: 'inputs',
      code: 'unsupported_media_type',
    });
  }
  return type;
}
