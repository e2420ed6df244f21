/** Turns a task's input media into bytes a provider upload needs, decoding `data:` URLs. */
import { InputError, type MediaV1 } from '@tollgate/provider-spec';

export interface MediaBytes {
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

const DATA_URL = /^data:([^;,]*)((?:;[^;,]*)*?)(;base64)?,(.*)$/s;

/**
 * The bytes and type of `media`: bytes as they are, a `data:` URL decoded (base64 or percent-encoded). Undefined
 * for an `http(s)` URL, which a pure mapping cannot fetch: the caller decides whether the provider takes a URL.
 *
 * @example
 * readMediaBytes({ kind: 'url', url: 'data:audio/wav;base64,UklGRg==' }); // { bytes: Uint8Array [82, 73, 70, 70], contentType: 'audio/wav' }
 */
export function readMediaBytes(media: MediaV1, param = 'inputs'): MediaBytes | undefined {
  if (media?.kind === 'bytes' && media.bytes instanceof Uint8Array) {
    return { bytes: media.bytes, contentType: media.contentType || 'application/octet-stream' };
  }
  if (media?.kind !== 'url' || typeof media.url !== 'string') {
    throw new InputError({ message: `'${param}' must be media: bytes or a URL`, param });
  }
  if (/^https?:\/\//i.test(media.url)) return undefined;
  const match = DATA_URL.exec(media.url);
  if (!match) throw new InputError({ message: `'${param}' must be an http(s) or data: URL`, param });
  const [, type, , base64, payload = ''] = match;
  const buffer = base64 ? Buffer.from(payload, 'base64') : Buffer.from(decodeURIComponent(payload), 'utf8');
  return {
    bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
    contentType: type || media.contentType || 'application/octet-stream',
  };
}
