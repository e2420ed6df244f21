/** Sends a provider request that answers with one JSON or binary body, and reads that body. */
import { UpstreamOutputError, type UpstreamResponseV1 } from '@tollgate/provider-spec';
import { createUpstreamApiError } from './create-upstream-api-error.js';
import { dispatchBuffered } from './dispatch-buffered.js';
import { ERROR_BODY_LIMIT_BYTES, prepareUpstreamRequest, upstreamTimeouts } from './send-upstream-request.js';
import { toUpstreamTransportError } from './to-upstream-transport-error.js';
import type { UpstreamCall } from './upstream-call.js';

function parseJsonBody(text: string, status: number, providerId: string): unknown {
  if (text.trim() === '' && (status === 204 || status === 205)) return null;
  try {
    return JSON.parse(text);
  } catch (error) {
    const preview = text.length > 200 ? `${text.slice(0, 200)}…` : text;
    throw new UpstreamOutputError({
      message: `${providerId} answered with a body that is not JSON: ${preview}`,
      providerId,
      cause: error,
    });
  }
}

/**
 * Send a `json` or `bytes` request and resolve with the 2xx response: the body parsed as JSON for `json`, a
 * `Uint8Array` for `bytes`. Rejects with `UpstreamApiError` (error status, network failure, timeout, abort)
 * or `UpstreamOutputError` (unparsable JSON, refused absolute URL). Use `openUpstreamStream` for `sse`.
 *
 * @example
 * const response = await callUpstream({
 *   target: { providerId: 'groq', baseUrl: 'https://api.groq.com', auth: { kind: 'bearer' }, apiKey },
 *   request: { method: 'POST', path: '/openai/v1/chat/completions', body: { kind: 'json', value: body }, expect: 'json' },
 * });
 */
export async function callUpstream(call: UpstreamCall): Promise<UpstreamResponseV1> {
  if (call.request.expect === 'sse')
    throw new TypeError('callUpstream reads whole bodies; use openUpstreamStream for sse');
  const { target, signal } = call;
  const providerId = target.providerId;
  let answer: Awaited<ReturnType<typeof dispatchBuffered>>;
  try {
    const prepared = await prepareUpstreamRequest(call);
    const { url } = prepared;
    answer = await dispatchBuffered(
      {
        origin: url.origin,
        path: url.search === '' ? url.pathname : `${url.pathname}${url.search}`,
        method: prepared.method,
        headers: prepared.headers,
        body: prepared.body ?? null,
        ...upstreamTimeouts(call),
      },
      { dispatcher: call.dispatcher, signal, errorBodyLimitBytes: ERROR_BODY_LIMIT_BYTES },
    );
  } catch (error) {
    throw toUpstreamTransportError(error, { providerId, signal });
  }
  const { statusCode: status, headers, body } = answer;
  if (status < 200 || status >= 300) {
    throw createUpstreamApiError({ providerId, status, headers, bodyText: body.toString('utf8') });
  }
  if (call.request.expect === 'bytes') {
    return { status, headers, body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
  }
  return { status, headers, body: parseJsonBody(body.toString('utf8'), status, providerId) };
}
