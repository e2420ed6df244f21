/** Opens a provider's server-sent event stream and hands it over as an async iterable of events. */
import { UpstreamOutputError } from '@tollgate/provider-spec';
import { extractErrorMessage } from './extract-error-message.js';
import { parseJsonOrText } from './parse-json-or-text.js';
import { readCappedText } from './read-capped-text.js';
import { readSseEventBatches } from './read-sse-event-batches.js';
import { flattenEventBatches } from './read-sse-events.js';
import { ERROR_BODY_LIMIT_BYTES, sendUpstreamRequest } from './send-upstream-request.js';
import type { UpstreamCall, UpstreamStream } from './upstream-call.js';

/**
 * Send an `sse` request and resolve as soon as 2xx headers arrive, before any event. An error status rejects
 * with `UpstreamApiError` (so the host can still fail over); a 2xx that is not `text/event-stream` rejects with
 * `UpstreamOutputError`. Events are parsed as they arrive; stop iterating to close the upstream connection.
 *
 * @example
 * const stream = await openUpstreamStream({ target, request: { ...request, expect: 'sse' }, signal });
 * for await (const event of stream.events) if (event.data === '[DONE]') break;
 */
export async function openUpstreamStream(call: UpstreamCall): Promise<UpstreamStream> {
  if (call.request.expect !== 'sse')
    throw new TypeError('openUpstreamStream needs a request that expects sse');
  const providerId = call.target.providerId;
  const response = await sendUpstreamRequest(call);
  const { headers } = response;
  const contentType = headers['content-type'] ?? '';
  if (!/^text\/event-stream\s*(;|$)/i.test(contentType.trim())) {
    const bodyText = await readCappedText(response.body, ERROR_BODY_LIMIT_BYTES).catch(() => '');
    const detail = extractErrorMessage(parseJsonOrText(bodyText), '');
    throw new UpstreamOutputError({
      message:
        `${providerId} answered a streaming request with content type '${contentType || '(none)'}' instead of text/event-stream` +
        (detail ? `: ${detail}` : ''),
      providerId,
    });
  }
  const eventBatches = readSseEventBatches(response.body, { providerId, signal: call.signal });
  return { status: response.statusCode, headers, eventBatches, events: flattenEventBatches(eventBatches) };
}
