/** The next call the host makes for a queued fal request: its status, or, once COMPLETED, its result. */
import type { QueuedOperationV1, UpstreamRequestV1 } from '@tollgate/provider-spec';
import { falQueueState } from './fal-queue-operation.js';

/**
 * `GET` the status URL while the request waits or runs, then the response URL. Both are the absolute URLs fal
 * returned (on `queue.fal.run`, or the simulator's own), which the host checks before it fetches them; the path
 * is the same URL's path, for hosts that log or route by it.
 *
 * @example
 * buildFalPollRequest({ id: 'r1', state: { phase: 'status', statusUrl: 'https://queue.fal.run/fal-ai/flux/requests/r1/status', responseUrl: '...', cancelUrl: '...' } });
 * // { method: 'GET', path: '/fal-ai/flux/requests/r1/status', absoluteUrl: 'https://queue.fal.run/fal-ai/flux/requests/r1/status', body: { kind: 'none' }, expect: 'json' }
 */
export function buildFalPollRequest(operation: QueuedOperationV1): UpstreamRequestV1 {
  const state = falQueueState(operation);
  const url = state.phase === 'status' ? state.statusUrl : state.responseUrl;
  return {
    method: 'GET',
    path: new URL(url).pathname,
    absoluteUrl: url,
    body: { kind: 'none' },
    expect: 'json',
  };
}
