/** Reads one of fal's output files (`{url, content_type, ...}`) into public media. */
import { type MediaV1, UpstreamOutputError } from '@tollgate/provider-spec';

const DATA_URL = /^data:([^;,]+)(;base64)?,([\s\S]*)$/;

/**
 * A file fal returns as a URL (its CDN, fal.media) stays a URL with fal's `content_type`; one returned inline as
 * a data URL (`sync_mode`) becomes bytes. Throws an `UpstreamOutputError` for a file without a URL.
 *
 * @example
 * falOutputMedia({ url: 'https://v3.fal.media/files/x.png', content_type: 'image/png' }, 'fal-ai');
 * // { kind: 'url', url: 'https://v3.fal.media/files/x.png', contentType: 'image/png' }
 */
export function falOutputMedia(file: unknown, providerId: string): MediaV1 {
  const record = file != null && typeof file === 'object' ? (file as Record<string, unknown>) : {};
  const { url, content_type: contentType } = record;
  if (typeof url !== 'string' || url === '') {
    throw new UpstreamOutputError({ message: `${providerId} returned a file without a URL`, providerId });
  }
  const data = DATA_URL.exec(url);
  if (data !== null) {
    const payload = data[3] ?? '';
    const bytes = data[2] ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload));
    return {
      kind: 'bytes',
      bytes: new Uint8Array(bytes),
      contentType: data[1] ?? 'application/octet-stream',
    };
  }
  return typeof contentType === 'string' && contentType !== ''
    ? { kind: 'url', url, contentType }
    : { kind: 'url', url };
}
