/** What an OpenAI-style speech answer is: the audio's type, and the duration it is metered by. */
import type { UpstreamResponseV1, UsageV1 } from '@tollgate/provider-spec';
import { sniffMediaType } from '../media/sniff-media-type.js';
import { wavDurationMs } from '../media/wav-duration-ms.js';

const FORMAT_TYPES: Readonly<Record<string, string>> = {
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  flac: 'audio/flac',
  opus: 'audio/opus',
  aac: 'audio/aac',
  pcm: 'audio/pcm',
  raw: 'audio/pcm',
  ogg: 'audio/ogg',
};

/**
 * The audio's MIME type: the `content-type` header when it names audio, else the file's signature, else the type
 * of the `response_format` asked for (several servers label the file `application/octet-stream`).
 *
 * @example
 * speechContentType(response, wavBytes, 'wav'); // 'audio/wav'
 */
export function speechContentType(
  response: UpstreamResponseV1,
  bytes: Uint8Array,
  requestedFormat: string | undefined,
): string {
  const header = response.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (header?.startsWith('audio/')) return header;
  return sniffMediaType(bytes) ?? FORMAT_TYPES[requestedFormat ?? ''] ?? 'application/octet-stream';
}

/**
 * `{ audioMilliseconds }` when the audio is a WAV whose header states its length, else nothing: these providers
 * state no usage for speech, and only a WAV's length is exactly known. Shared by the routed task and the native
 * route, so both bill the same answer alike.
 *
 * @example
 * speechUsage('audio/wav', wavBytes); // { audioMilliseconds: 1200 }
 */
export function speechUsage(contentType: string, bytes: Uint8Array): UsageV1 {
  const audioMilliseconds = contentType === 'audio/wav' ? wavDurationMs(bytes) : undefined;
  return audioMilliseconds !== undefined ? { audioMilliseconds } : {};
}
