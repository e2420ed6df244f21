/** Turns the file URLs a WaveSpeed prediction returns into media, keeping them as URLs. */
import type { MediaUrlV1 } from '@tollgate/provider-spec';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
};

/**
 * One output URL as media. WaveSpeed states no content type beside its outputs, but names each file after the
 * format it wrote (`…/1.jpeg`, `…/output.mp4`), so the type is read from the extension when it is a known one.
 *
 * @example
 * outputMedia('https://d2p7pge43lyniu.cloudfront.net/output/9f1c.jpeg'); // { kind: 'url', url: '…', contentType: 'image/jpeg' }
 */
export function outputMedia(url: string): MediaUrlV1 {
  const path = URL.canParse(url) ? new URL(url).pathname : '';
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  const contentType = extension === undefined ? undefined : CONTENT_TYPES[extension];
  return contentType === undefined ? { kind: 'url', url } : { kind: 'url', url, contentType };
}
