/** Reads fal's answer to a queue submission into the operation the host polls. */
import { type QueuedOperationV1, UpstreamOutputError } from '@tollgate/provider-spec';
import type { FalQueueOperationState } from './fal-queue-operation.js';

/** fal's own clients poll every 500 ms (fal-js `DEFAULT_POLL_INTERVAL`, Hugging Face's client alike). */
export const FAL_POLL_INTERVAL_MS = 500;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** An http(s) URL as given, or undefined; the host checks where it points before fetching it. */
const httpUrl = (value: unknown): string | undefined => {
  const url = text(value);
  if (url === undefined || !URL.canParse(url)) return undefined;
  return /^https?:$/.test(new URL(url).protocol) ? url : undefined;
};

/**
 * The operation for a queued request, or `undefined` when the body is not a queue answer at all (a host that
 * ran the call synchronously and answered with the model's output). fal answers
 * `{status: 'IN_QUEUE', request_id, response_url, status_url, cancel_url, queue_position}`; older answers
 * carried only `request_id` and `response_url`, so the status and cancel URLs are derived from it the way
 * Hugging Face's client does (`{response_url}/status`, `{response_url}/cancel`). Throws an
 * `UpstreamOutputError` for a queue answer without a usable `response_url`.
 *
 * @example
 * readFalQueueSubmission({ request_id: 'r1', response_url: 'https://queue.fal.run/fal-ai/flux/requests/r1' }, 'fal-ai');
 * // { id: 'r1', state: { phase: 'status', statusUrl: '.../r1/status', ... }, pollAfterMs: 500 }
 */
export function readFalQueueSubmission(body: unknown, providerId: string): QueuedOperationV1 | undefined {
  if (body == null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const answer = body as Record<string, unknown>;
  const requestId = text(answer.request_id);
  if (requestId === undefined) return undefined;
  const responseUrl = httpUrl(answer.response_url);
  if (responseUrl === undefined) {
    throw new UpstreamOutputError({
      message: `${providerId} queued request ${requestId} but returned no response_url to follow`,
      providerId,
    });
  }
  const state: FalQueueOperationState = {
    phase: 'status',
    statusUrl: httpUrl(answer.status_url) ?? `${responseUrl}/status`,
    responseUrl,
    cancelUrl: httpUrl(answer.cancel_url) ?? `${responseUrl}/cancel`,
  };
  return { id: requestId, state: { ...state }, pollAfterMs: FAL_POLL_INTERVAL_MS };
}
