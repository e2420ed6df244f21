/** Media a caller sends, in the form Replicate takes file inputs: an HTTP URL or a data URL. */
import type { MediaV1 } from '@tollgate/provider-spec';

/**
 * A URL stays as it is (Replicate fetches it itself); bytes become a base64 data URL. Replicate also offers a Files
 * API for large uploads, but that is a second call the host would have to make, so inline data URLs are used, as
 * Hugging Face's own clients do.
 *
 * @example
 * mediaInputUrl({ kind: 'bytes', bytes: new Uint8Array([1, 2]), contentType: 'audio/wav' }); // 'data:audio/wav;base64,AQI='
 */
export function mediaInputUrl(media: MediaV1): string {
  if (media.kind === 'url') return media.url;
  return `data:${media.contentType};base64,${Buffer.from(media.bytes).toString('base64')}`;
}
