/**
 * Fetches a media file a provider answered with a link to (a CDN URL, or a `data:` URL), for a client that asked
 * for the bytes or for base64. Every hop is checked against the kernel's URL policy before it is requested, so a
 * provider cannot make the gateway reach into its own network; no provider key is sent; the size is capped.
 */
import type { UpstreamCallOptions } from '@tollgate/core';
import { UpstreamOutputError } from '@tollgate/provider-spec';
import {
  assertUrlAllowed,
  createUpstreamApiError,
  normalizeHeaders,
  toUpstreamTransportError,
} from '@tollgate/provider-utils';
import { type Dispatcher, request as undiciRequest } from 'undici';

/** Larger than any image or speech clip the unified API returns; a provider's answer beyond it is refused. */
export const DEFAULT_MEDIA_LIMIT_BYTES = 64 * 1024 * 1024;
/** CDNs answer with a redirect now and then; each hop is checked like the first. */
const MAX_REDIRECTS = 3;
const ERROR_TEXT_LIMIT_BYTES = 64 * 1024;
const DEFAULT_HEADERS_TIMEOUT_MS = 60_000;
const DEFAULT_BODY_TIMEOUT_MS = 120_000;

export interface FetchedMedia {
  readonly bytes: Uint8Array;
  /** The `content-type` the server stated, without parameters; undefined when it stated none. */
  readonly contentType: string | undefined;
}

export interface FetchProviderMediaOptions {
  /** The kernel's transport settings: URL policy, dispatcher and timeouts. */
  readonly upstream: UpstreamCallOptions;
  /** Default {@link DEFAULT_MEDIA_LIMIT_BYTES}. */
  readonly limitBytes?: number;
}

export interface MediaFetchRequest {
  readonly url: string;
  /** The provider that returned the URL, named in errors. */
  readonly providerId: string;
  readonly signal: AbortSignal;
}

export type ProviderMediaFetcher = (request: MediaFetchRequest) => Promise<FetchedMedia>;

function mediaTypeOf(header: string | null | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

function tooLarge(providerId: string, limitBytes: number): UpstreamOutputError {
  return new UpstreamOutputError({
    message: `${providerId} returned a media file larger than ${limitBytes} bytes, the most this gateway relays`,
    providerId,
  });
}

/** Reads a body up to `limitBytes`; past it `onTooLarge` is thrown (leaving the loop destroys the body). */
async function readCapped(
  body: Dispatcher.ResponseData['body'],
  limitBytes: number,
  onTooLarge: () => Error,
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    received += chunk.byteLength;
    if (received > limitBytes) throw onTooLarge();
    chunks.push(chunk);
  }
  const joined = Buffer.concat(chunks, received);
  return new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength);
}

async function fetchDataUrl(url: string, providerId: string, limitBytes: number): Promise<FetchedMedia> {
  // Node's fetch decodes data: URLs itself (base64 and percent-encoded), without any network.
  const response = await fetch(url).catch((error: unknown) => {
    throw new UpstreamOutputError({
      message: `${providerId} returned an unusable data: URL`,
      providerId,
      cause: error,
    });
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > limitBytes) throw tooLarge(providerId, limitBytes);
  return { bytes, contentType: mediaTypeOf(response.headers.get('content-type')) };
}

function parseUrl(value: string, providerId: string): URL {
  try {
    return new URL(value);
  } catch (error) {
    throw new UpstreamOutputError({
      message: `${providerId} returned an unusable URL: ${value}`,
      providerId,
      cause: error,
    });
  }
}

/**
 * @example
 * const fetchMedia = createProviderMediaFetcher({ upstream: kernel.resolve(coreTokens.upstreamCallOptions) });
 * const { bytes, contentType } = await fetchMedia({ url: 'https://v3.fal.media/files/x.png', providerId: 'fal-ai', signal });
 */
export function createProviderMediaFetcher(options: FetchProviderMediaOptions): ProviderMediaFetcher {
  const { upstream } = options;
  const limitBytes = options.limitBytes ?? DEFAULT_MEDIA_LIMIT_BYTES;

  return async ({ url, providerId, signal }) => {
    if (url.startsWith('data:')) return fetchDataUrl(url, providerId, limitBytes);
    let target = parseUrl(url, providerId);
    for (let hop = 0; ; hop += 1) {
      let response: Dispatcher.ResponseData;
      try {
        await assertUrlAllowed(target, upstream.urlPolicy, providerId);
        response = await undiciRequest(target, {
          method: 'GET',
          signal,
          dispatcher: upstream.dispatcher,
          headersTimeout: upstream.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS,
          bodyTimeout: upstream.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
        });
      } catch (error) {
        throw toUpstreamTransportError(error, { providerId, signal });
      }
      const headers = normalizeHeaders(response.headers);
      const { statusCode } = response;
      if (statusCode >= 300 && statusCode < 400 && headers.location !== undefined && hop < MAX_REDIRECTS) {
        await response.body.dump();
        target = parseUrl(new URL(headers.location, target).href, providerId);
        continue;
      }
      try {
        if (statusCode < 200 || statusCode >= 300) {
          const text = await readCapped(
            response.body,
            ERROR_TEXT_LIMIT_BYTES,
            () => new Error('error body too large'),
          ).then(
            (bytes) => Buffer.from(bytes).toString('utf8'),
            () => '',
          );
          throw createUpstreamApiError({ providerId, status: statusCode, headers, bodyText: text });
        }
        if (Number(headers['content-length']) > limitBytes) {
          await response.body.dump();
          throw tooLarge(providerId, limitBytes);
        }
        const bytes = await readCapped(response.body, limitBytes, () => tooLarge(providerId, limitBytes));
        return { bytes, contentType: mediaTypeOf(headers['content-type']) };
      } catch (error) {
        throw toUpstreamTransportError(error, { providerId, signal });
      }
    }
  };
}
