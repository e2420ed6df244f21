/** Turns an input image into the string WaveSpeed's `image` and `images` fields take. */
import { InputError, type MediaV1 } from '@tollgate/provider-spec';

const DATA_URL = /^data:[^,]*;base64,(.*)$/s;

/**
 * WaveSpeed takes an image as an http(s) URL it fetches itself or as bare base64 (no `data:` prefix, which is what
 * Hugging Face's client sends). Bytes and base64 data URLs become bare base64; http(s) URLs stay URLs.
 *
 * @example
 * toWavespeedImage({ kind: 'bytes', bytes: new Uint8Array([137, 80]), contentType: 'image/png' }); // 'iVA='
 * toWavespeedImage({ kind: 'url', url: 'https://example.com/cat.png' }); // 'https://example.com/cat.png'
 */
export function toWavespeedImage(media: MediaV1, param = 'inputs'): string {
  if (media?.kind === 'bytes' && media.bytes instanceof Uint8Array) {
    return Buffer.from(media.bytes.buffer, media.bytes.byteOffset, media.bytes.byteLength).toString('base64');
  }
  if (media?.kind === 'url' && typeof media.url === 'string') {
    const dataUrl = DATA_URL.exec(media.url);
    if (dataUrl) return dataUrl[1]!;
    if (/^https?:\/\//i.test(media.url)) return media.url;
  }
  throw new InputError({
    message: `'${param}' must be an image: bytes, a base64 data URL or an http(s) URL.`,
    param,
  });
}
