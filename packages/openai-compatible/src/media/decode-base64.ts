/** Strict base64 decoding for media a provider returns inside JSON. */
import { UpstreamOutputError } from '@tollgate/provider-spec';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

/**
 * The bytes of a base64 string (standard alphabet, padding optional, line breaks ignored). Anything else is an
 * `UpstreamOutputError` naming the provider, since a half-decoded image would reach the client as a broken file.
 *
 * @example
 * decodeBase64('iVBORw0KGgo=', 'nscale'); // Uint8Array [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
 */
export function decodeBase64(value: string, providerId: string): Uint8Array {
  const compact = value.replace(/[\r\n]/g, '');
  if (compact === '' || !BASE64.test(compact)) {
    throw new UpstreamOutputError({
      message: `${providerId} returned media that is not valid base64`,
      providerId,
    });
  }
  const buffer = Buffer.from(compact, 'base64');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
