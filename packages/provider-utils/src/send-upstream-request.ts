/** The shared first half of every upstream call: URL, safety check, headers, body, send, and non-2xx handling. */
import { isIP } from 'node:net';
import { UpstreamOutputError } from '@tollgate/provider-spec';
import { assertUrlAllowed } from './assert-url-allowed.js';
import { buildAuthHeaders } from './build-auth-headers.js';
import { buildUpstreamUrl } from './build-upstream-url.js';
import { createUpstreamApiError } from './create-upstream-api-error.js';
import { dispatchStreamed, type StreamedResponse } from './dispatch-streamed.js';
import { readCappedText } from './read-capped-text.js';
import { toUpstreamTransportError } from './to-upstream-transport-error.js';
import type { UpstreamCall } from './upstream-call.js';

const DEFAULT_HEADERS_TIMEOUT_MS = 60_000;
const DEFAULT_BODY_TIMEOUT_MS = 120_000;
/** Error bodies are read for their message only; a provider's 50 MB error page is cut here. */
export const ERROR_BODY_LIMIT_BYTES = 1024 * 1024;

/** The registrable part of a host name, approximated by its last two labels (`queue.fal.run` -> `fal.run`). */
function siteOf(hostname: string): string {
  if (isIP(hostname.replace(/^\[(.*)\]$/, '$1')) !== 0) return hostname;
  return hostname.split('.').slice(-2).join('.');
}

function resolveUrl(call: UpstreamCall): URL {
  try {
    return buildUpstreamUrl(call.target.baseUrl, call.request);
  } catch (error) {
    // A bad absolute URL came from the provider's answer; a bad base URL or path is a configuration bug.
    if (call.request.absoluteUrl === undefined) throw error;
    const providerId = call.target.providerId;
    throw new UpstreamOutputError({
      message: `${providerId} returned an unusable URL: ${call.request.absoluteUrl}`,
      providerId,
      cause: error,
    });
  }
}

function requestHeaders(call: UpstreamCall, url: URL): Record<string, string> {
  const { target, request } = call;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...target.headers, ...request.headers }))
    headers[name.toLowerCase()] = value;
  if (request.body.kind === 'json') headers['content-type'] ??= 'application/json';
  if (request.body.kind === 'bytes') headers['content-type'] = request.body.contentType;
  if (request.expect === 'sse') headers.accept ??= 'text/event-stream';
  // The key goes only to the provider's own site: a polling URL on queue.fal.run gets it, a CDN link does not.
  const sendsCredentials =
    request.absoluteUrl === undefined || siteOf(url.hostname) === siteOf(new URL(target.baseUrl).hostname);
  if (sendsCredentials) Object.assign(headers, buildAuthHeaders(target.auth, target.apiKey));
  return headers;
}

function requestBody(call: UpstreamCall): string | Uint8Array | undefined {
  const body = call.request.body;
  if (body.kind === 'json') return JSON.stringify(body.value ?? null);
  if (body.kind === 'bytes') return body.value;
  return undefined;
}

/**
 * Send `call` and resolve with undici's response once 2xx headers arrive. Rejects with an `UpstreamApiError`
 * for an error status (its body read up to 1 MiB), a network failure, a timeout or an abort, and with an
 * `UpstreamOutputError` for a provider-returned URL the policy refuses.
 */
export interface PreparedUpstreamRequest {
  readonly url: URL;
  readonly method: UpstreamCall['request']['method'];
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array | undefined;
}

/**
 * The URL (after the URL policy check for a provider-returned one), headers and body of `call`. Rejects with an
 * `UpstreamOutputError` for a provider-returned URL that is unusable or refused.
 */
export async function prepareUpstreamRequest(call: UpstreamCall): Promise<PreparedUpstreamRequest> {
  const url = resolveUrl(call);
  if (call.request.absoluteUrl !== undefined) {
    await assertUrlAllowed(url, call.urlPolicy, call.target.providerId);
  }
  return { url, method: call.request.method, headers: requestHeaders(call, url), body: requestBody(call) };
}

/** The timeouts of `call`, with their defaults. */
export function upstreamTimeouts(call: UpstreamCall): { headersTimeout: number; bodyTimeout: number } {
  return {
    headersTimeout: call.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS,
    bodyTimeout: call.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
  };
}

/**
 * Send `call` and resolve with the response once 2xx headers arrive, its body still to be read. Rejects with an
 * `UpstreamApiError` for an error status (its body read up to 1 MiB), a network failure, a timeout or an abort,
 * and with an `UpstreamOutputError` for a provider-returned URL the policy refuses.
 */
export async function sendUpstreamRequest(call: UpstreamCall): Promise<StreamedResponse> {
  const { target, signal } = call;
  const providerId = target.providerId;
  let response: StreamedResponse;
  try {
    const prepared = await prepareUpstreamRequest(call);
    const { url } = prepared;
    response = await dispatchStreamed(
      {
        origin: url.origin,
        path: url.search === '' ? url.pathname : `${url.pathname}${url.search}`,
        method: prepared.method,
        headers: prepared.headers,
        body: prepared.body ?? null,
        ...upstreamTimeouts(call),
      },
      // One literal, not spreads of conditional ones: those give the options a hidden class of their own each time.
      { dispatcher: call.dispatcher, signal },
    );
  } catch (error) {
    throw toUpstreamTransportError(error, { providerId, signal });
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return response;
  // Whatever part of the error body could be read still explains the failure better than nothing.
  const bodyText = await readCappedText(response.body, ERROR_BODY_LIMIT_BYTES).catch(() => '');
  throw createUpstreamApiError({
    providerId,
    status: response.statusCode,
    headers: response.headers,
    bodyText,
  });
}
