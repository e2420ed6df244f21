/** The simulator's stand-in for a provider CDN: bytes kept in memory and served back by URL. */
import { randomHex } from '../profiles/random-ids.js';

/** The path prefix media live under, outside every provider's prefix. */
export const MEDIA_PATH_PREFIX = '/__media/';

export interface StoredMedia {
  readonly bytes: Uint8Array;
  readonly contentType: string;
}

export interface SimulatorMediaStore {
  /**
   * Keeps `bytes` and returns the absolute URL that serves them, `${origin}/__media/<random id>.<extension>`.
   * No key is needed to fetch it, like the public CDN URLs providers answer with (fal.media, replicate.delivery).
   */
  put(bytes: Uint8Array, contentType: string, extension: string): string;
  /** The media stored under a `/__media/<id>.<ext>` path, or undefined. */
  get(pathname: string): StoredMedia | undefined;
}

/**
 * An in-memory media store for one simulator; media live as long as it does.
 *
 * @example
 * const media = createMediaStore(() => 'http://127.0.0.1:4010');
 * const url = media.put(encodePng({ width: 8, height: 8, seed: 1 }), 'image/png', 'png');
 * // 'http://127.0.0.1:4010/__media/3f9c...e1.png'
 */
export function createMediaStore(origin: () => string): SimulatorMediaStore {
  const stored = new Map<string, StoredMedia>();
  return {
    put(bytes, contentType, extension) {
      const name = `${randomHex(24)}.${extension.replace(/^\./, '')}`;
      stored.set(name, { bytes, contentType });
      return `${origin()}${MEDIA_PATH_PREFIX}${name}`;
    },
    get(pathname) {
      if (!pathname.startsWith(MEDIA_PATH_PREFIX)) return undefined;
      return stored.get(pathname.slice(MEDIA_PATH_PREFIX.length));
    },
  };
}
