/** Turns a task's output media into what an OpenAI-style client asked for: a URL, base64, or the bytes. */
import type { MediaV1 } from '@tollgate/provider-spec';
import type { ProviderMediaFetcher } from './fetch-provider-media.js';

export interface MediaBytes {
  readonly bytes: Uint8Array;
  /** The provider's statement of the type, else the file server's; undefined when neither said. */
  readonly contentType: string | undefined;
}

export interface MediaContext {
  readonly fetchMedia: ProviderMediaFetcher;
  /** The provider that produced the media, named in errors. */
  readonly providerId: string;
  readonly signal: AbortSignal;
}

function base64Of(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * `data:<type>;base64,<bytes>`: how bytes are handed to a client that asked for a URL.
 *
 * @example
 * dataUrlOf(new Uint8Array([0x89, 0x50]), 'image/png'); // 'data:image/png;base64,iVA='
 */
export function dataUrlOf(bytes: Uint8Array, contentType: string): string {
  return `data:${contentType};base64,${base64Of(bytes)}`;
}

/**
 * The media's bytes: bytes as they are, a URL fetched (after the URL policy check).
 *
 * @example
 * const { bytes, contentType } = await mediaBytes(output.audio, { fetchMedia, providerId: 'fal-ai', signal });
 */
export async function mediaBytes(media: MediaV1, context: MediaContext): Promise<MediaBytes> {
  if (media.kind === 'bytes') return { bytes: media.bytes, contentType: media.contentType };
  const fetched = await context.fetchMedia({
    url: media.url,
    providerId: context.providerId,
    signal: context.signal,
  });
  return { bytes: fetched.bytes, contentType: media.contentType ?? fetched.contentType };
}

/**
 * The media as base64: bytes encoded, a URL fetched first.
 *
 * @example
 * const b64_json = await mediaAsBase64(image, { fetchMedia, providerId: 'replicate', signal });
 */
export async function mediaAsBase64(media: MediaV1, context: MediaContext): Promise<string> {
  return base64Of((await mediaBytes(media, context)).bytes);
}

/**
 * The media as a URL: the provider's own URL as it is (no fetch), bytes as a `data:` URL.
 *
 * @example
 * mediaAsUrl({ kind: 'url', url: 'https://v3.fal.media/files/x.png' }); // 'https://v3.fal.media/files/x.png'
 */
export function mediaAsUrl(media: MediaV1, fallbackType = 'application/octet-stream'): string {
  if (media.kind === 'url') return media.url;
  return dataUrlOf(media.bytes, media.contentType || fallbackType);
}
