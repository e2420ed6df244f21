/** Turns an OpenAI-style `data` list of images (`b64_json` or `url` items) into public media. */
import { type MediaV1, UpstreamOutputError } from '@tollgate/provider-spec';
import { extractErrorMessage } from '@tollgate/provider-utils';
import { decodeBase64 } from '../media/decode-base64.js';
import { sniffMediaType } from '../media/sniff-media-type.js';

/**
 * Each item as media: `b64_json` decoded to bytes (typed by their signature, PNG when unknown), a `url` left as a
 * URL for the host to fetch or hand on. An empty or malformed list is an `UpstreamOutputError`.
 *
 * @example
 * mapImageData('nscale', { data: [{ b64_json: 'iVBORw0KGgo...' }] }); // [{ kind: 'bytes', bytes, contentType: 'image/png' }]
 */
export function mapImageData(providerId: string, body: unknown): MediaV1[] {
  const data = (body as { data?: unknown } | null)?.data;
  const fail = (reason: string): never => {
    throw new UpstreamOutputError({
      message: `${providerId} returned images that cannot be used: ${reason}`,
      providerId,
    });
  };
  if (!Array.isArray(data) || data.length === 0) return fail(extractErrorMessage(body, 'it has no images'));
  return data.map((item: { b64_json?: unknown; url?: unknown } | null): MediaV1 => {
    if (typeof item?.b64_json === 'string') {
      const bytes = decodeBase64(item.b64_json, providerId);
      return { kind: 'bytes', bytes, contentType: sniffMediaType(bytes) ?? 'image/png' };
    }
    if (typeof item?.url === 'string' && item.url !== '') return { kind: 'url', url: item.url };
    return fail('an item has neither b64_json nor url');
  });
}
