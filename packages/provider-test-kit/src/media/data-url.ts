/** Data URLs, the way clients send images and audio inline (`data:image/png;base64,...`). */

export interface DecodedDataUrl {
  readonly bytes: Uint8Array;
  /** The media type as written, e.g. `image/png`; `text/plain;charset=US-ASCII` when the URL names none. */
  readonly contentType: string;
}

/**
 * A `data:` URL of `bytes`, base64-encoded.
 *
 * @example
 * toDataUrl(encodePng({ width: 8, height: 8, seed: 1 }), 'image/png'); // 'data:image/png;base64,iVBORw0KGgo...'
 */
export function toDataUrl(bytes: Uint8Array, contentType: string): string {
  return `data:${contentType};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
}

/**
 * The bytes and media type of a `data:` URL (RFC 2397), base64 or percent-encoded. Throws a `TypeError` for
 * anything else.
 *
 * @example
 * decodeDataUrl('data:audio/wav;base64,UklGRi...'); // { bytes: Uint8Array [...], contentType: 'audio/wav' }
 */
export function decodeDataUrl(url: string): DecodedDataUrl {
  const match = /^data:([^,]*),(.*)$/s.exec(url);
  if (!match) throw new TypeError('not a data: URL');
  const [, meta = '', payload = ''] = match;
  const parameters = meta.split(';');
  const isBase64 = parameters.at(-1)?.trim().toLowerCase() === 'base64';
  const typeParts = isBase64 ? parameters.slice(0, -1) : parameters;
  const contentType = typeParts.join(';').trim() || 'text/plain;charset=US-ASCII';
  if (isBase64) {
    const compact = payload.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact)) throw new TypeError('data: URL payload is not base64');
    return { bytes: new Uint8Array(Buffer.from(compact, 'base64')), contentType };
  }
  return { bytes: new Uint8Array(Buffer.from(decodeURIComponent(payload), 'latin1')), contentType };
}
