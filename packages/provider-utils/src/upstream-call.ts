/** The shapes of one provider call as the host hands it to `callUpstream` / `openUpstreamStream`. */
import type { AuthSchemeV1, StreamEventV1, UpstreamRequestV1 } from '@tollgate/provider-spec';
import type { Dispatcher } from 'undici';
import type { UrlPolicy } from './assert-url-allowed.js';

/** Where a provider lives and how to authenticate to it. */
export interface UpstreamTarget {
  readonly providerId: string;
  /** The provider's base URL; a trailing slash is tolerated. */
  readonly baseUrl: string;
  readonly auth: AuthSchemeV1;
  /** Omitted: no auth header is sent. */
  readonly apiKey?: string;
  /** The plugin's `settings.headers`, sent on every call. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** One request to send, with the transport settings that apply to it. */
export interface UpstreamCall {
  readonly target: UpstreamTarget;
  readonly request: UpstreamRequestV1;
  readonly signal?: AbortSignal;
  /** Default: undici's global dispatcher. */
  readonly dispatcher?: Dispatcher;
  /** How long to wait for the response headers; default 60 000 ms. */
  readonly headersTimeoutMs?: number;
  /** The longest idle gap tolerated while reading the body or stream; default 120 000 ms. */
  readonly bodyTimeoutMs?: number;
  /** Which provider-returned absolute URLs may be fetched. */
  readonly urlPolicy?: UrlPolicy;
}

/** A streaming response whose 2xx headers have arrived. */
export interface UpstreamStream {
  readonly status: number;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The events, one batch per upstream read. Ends when the upstream closes; throws an `UpstreamApiError` or
   * `UpstreamOutputError` on failure. Read either this or `events`: both draw on the same body.
   */
  readonly eventBatches: AsyncIterable<readonly StreamEventV1[]>;
  /** The same events one at a time. */
  readonly events: AsyncIterable<StreamEventV1>;
}
