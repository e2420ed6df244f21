/** Turns the file URLs a prediction returns (on replicate.delivery) into media, keeping them as URLs. */
import { type MediaUrlV1, UpstreamOutputError } from '@tollgate/provider-spec';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  flac: 'audio/flac',
  ogg: 'audio/ogg',
};

/**
 * Every URL in a prediction's output: models return one URL string or a list of them.
 *
 * @example
 * outputUrls(['https://replicate.delivery/xezq/a/out-0.png']); // ['https://replicate.delivery/xezq/a/out-0.png']
 */
export function outputUrls(output: unknown): string[] {
  const items = Array.isArray(output) ? output : [output];
  return items.filter((item): item is string => typeof item === 'string' && /^(https?|data):/.test(item));
}

/**
 * One output URL as media. Replicate states no content type beside the URL, so it is read from the file
 * extension, which Replicate names after the format it wrote (`out-0.png`, `output.mp4`).
 *
 * @example
 * outputMedia('https://replicate.delivery/xezq/a/out-0.webp'); // { kind: 'url', url: '…', contentType: 'image/webp' }
 */
export function outputMedia(url: string): MediaUrlV1 {
  const path = url.startsWith('data:') ? '' : new URL(url).pathname;
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  const dataType = /^data:([^;,]+)/.exec(url)?.[1];
  const contentType = dataType ?? (extension === undefined ? undefined : CONTENT_TYPES[extension]);
  return contentType === undefined ? { kind: 'url', url } : { kind: 'url', url, contentType };
}

/** The first output URL as media; an `UpstreamOutputError` when the output holds none. */
export function firstOutputMedia(output: unknown, task: string): MediaUrlV1 {
  const [url] = outputUrls(output);
  if (url === undefined) {
    throw new UpstreamOutputError({
      message: `replicate returned no file URL for ${task}: ${JSON.stringify(output)?.slice(0, 200)}`,
      providerId: 'replicate',
    });
  }
  return outputMedia(url);
}
