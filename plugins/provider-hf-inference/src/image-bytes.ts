/** Turns the images hf-inference returns (raw bodies, base64 masks) into `MediaV1` bytes with a known type. */
import { decodeBase64, sniffMediaType } from '@tollgate/openai-compatible';
import type { MediaBytesV1 } from '@tollgate/provider-spec';
import { unusableOutput } from './unusable-output.js';

/**
 * `bytes` as an image: its stated `image/*` type (parameters dropped), else the image type its signature
 * shows; an `UpstreamOutputError` when it is neither, since the client would get a file it cannot open.
 *
 * @example
 * imageBytes(pngBytes, 'image/png', 'text-to-image'); // { kind: 'bytes', bytes: pngBytes, contentType: 'image/png' }
 */
export function imageBytes(bytes: Uint8Array, statedType: string | undefined, task: string): MediaBytesV1 {
  const stated = statedType?.split(';')[0]?.trim().toLowerCase();
  const sniffed = sniffMediaType(bytes);
  const contentType = stated?.startsWith('image/')
    ? stated
    : sniffed?.startsWith('image/')
      ? sniffed
      : undefined;
  if (bytes.length === 0 || contentType === undefined) throw unusableOutput(task, 'expected an image');
  return { kind: 'bytes', bytes, contentType };
}

/**
 * The image in a base64 string (the segmentation masks, `b64_json`), typed by its signature.
 *
 * @example
 * base64Image('iVBORw0KGgo…', 'image-segmentation'); // { kind: 'bytes', bytes, contentType: 'image/png' }
 */
export function base64Image(value: unknown, task: string): MediaBytesV1 {
  if (typeof value !== 'string') throw unusableOutput(task, 'an image is not a base64 string');
  return imageBytes(decodeBase64(value, 'hf-inference'), undefined, task);
}
