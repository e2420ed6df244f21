/** Reads a file a simulated fal model was given: a data URL, or a URL of the simulator's own media store. */
import { decodeDataUrl } from '../../media/data-url.js';
import { invalidField } from './fal-input-fields.js';
import type { FalRunContext } from './fal-run-outcome.js';

export interface FalInputMedia {
  /** The bytes, when the simulator can read them (a data URL or its own media); absent for remote URLs. */
  readonly bytes?: Uint8Array;
  readonly contentType?: string;
}

/**
 * The file behind `field`'s URL. fal downloads public URLs itself; the simulator cannot reach the internet, so a
 * remote URL is taken as given, with unknown bytes. Throws the 422 problem fal answers for a value that is not
 * a URL.
 *
 * @example
 * readFalInputMedia({ image_url: 'data:image/png;base64,iVBOR...' }, 'image_url', context); // { bytes, contentType: 'image/png' }
 */
export function readFalInputMedia(
  input: Readonly<Record<string, unknown>>,
  field: string,
  context: FalRunContext,
): FalInputMedia {
  const value = input[field];
  if (value === undefined || value === null) return invalidField(field, 'Field required', 'missing');
  if (typeof value !== 'string') return invalidField(field, 'Input should be a valid string', 'string_type');
  if (value.startsWith('data:')) {
    try {
      return decodeDataUrl(value);
    } catch {
      return invalidField(field, 'Invalid data URI', 'value_error');
    }
  }
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) {
    return invalidField(field, 'Input should be a valid URL', 'url_parsing');
  }
  if (value.startsWith(`${context.origin}/`)) {
    const stored = context.media.get(new URL(value).pathname);
    if (stored === undefined)
      return invalidField(field, `Failed to download the file from ${value}`, 'file_download_error');
    return stored;
  }
  return {};
}

/**
 * The width and height a PNG's IHDR chunk states, or undefined for bytes that are not a PNG.
 *
 * @example
 * pngSize(encodePng({ width: 64, height: 32, seed: 1 })); // { width: 64, height: 32 }
 */
export function pngSize(bytes: Uint8Array | undefined): { width: number; height: number } | undefined {
  if (bytes === undefined || bytes.length < 24) return undefined;
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((byte, index) => bytes[index] === byte)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
