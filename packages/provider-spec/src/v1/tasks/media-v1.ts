/** Media passed into or out of a task: a URL the provider serves, or the bytes themselves. */

/** A file at a URL (a provider's CDN, or a `data:` URL). The host checks a URL before it fetches it. */
export interface MediaUrlV1 {
  readonly kind: 'url';
  readonly url: string;
  /** The MIME type, when the provider states it. */
  readonly contentType?: string;
}

/** A file's bytes (a provider that answers with raw bytes or base64, or a client upload). */
export interface MediaBytesV1 {
  readonly kind: 'bytes';
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

/**
 * An image, audio clip or video. Plugins decode base64 answers into `bytes` and leave URLs as URLs; the host turns
 * either into what the client asked for (a URL, base64 or bytes).
 */
export type MediaV1 = MediaUrlV1 | MediaBytesV1;
