/** The body of an hf-inference call whose input is an image or audio file. */
import type { MediaV1, UpstreamBodyV1 } from '@tollgate/provider-spec';
import { readInputMedia } from './read-input-media.js';

function hasParameters(parameters: object | undefined): parameters is object {
  return parameters != null && Object.values(parameters).some((value) => value !== undefined);
}

/**
 * The raw file (its own content type) when there are no parameters, else JSON `{inputs: <base64>, parameters}`.
 * hf-inference's task specifications take binary inputs both ways, but a raw body has no room for
 * parameters, so they switch the call to base64 JSON, as Hugging Face's clients do.
 *
 * @example
 * binaryInputBody({ kind: 'bytes', bytes, contentType: 'image/png' }, undefined); // { kind: 'bytes', value: bytes, contentType: 'image/png' }
 * binaryInputBody(image, { top_k: 2 }); // { kind: 'json', value: { inputs: 'iVBOR…', parameters: { top_k: 2 } } }
 */
export function binaryInputBody(media: MediaV1, parameters: object | undefined): UpstreamBodyV1 {
  const { bytes, contentType } = readInputMedia(media);
  if (!hasParameters(parameters)) return { kind: 'bytes', value: bytes, contentType };
  return { kind: 'json', value: { inputs: Buffer.from(bytes).toString('base64'), parameters } };
}
