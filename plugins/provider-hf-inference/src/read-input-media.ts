/** Turns an image or audio input into the bytes hf-inference takes: bytes or a `data:` URL, never a link. */
import { type MediaBytes, readMediaBytes } from '@tollgate/openai-compatible';
import { InputError, type MediaV1 } from '@tollgate/provider-spec';

/**
 * The bytes and MIME type of an input (bytes as they are, a `data:` URL decoded). An `http(s)` URL is an
 * `InputError`: hf-inference reads media only from the request body, and a pure mapping cannot fetch it.
 * An empty file is refused too, since the pipeline would fail on it after the call was paid for.
 *
 * @example
 * readInputMedia({ kind: 'url', url: 'data:image/png;base64,iVBORw0KGgo=' });
 * // { bytes: Uint8Array [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], contentType: 'image/png' }
 */
export function readInputMedia(media: MediaV1 | undefined, param = 'inputs'): MediaBytes {
  const file = readMediaBytes(media as MediaV1, param);
  if (file === undefined) {
    throw new InputError({
      message: `hf-inference takes the file itself, not a link: send '${param}' as bytes or a data: URL`,
      param,
    });
  }
  if (file.bytes.length === 0) throw new InputError({ message: `'${param}' is an empty file`, param });
  return file;
}
