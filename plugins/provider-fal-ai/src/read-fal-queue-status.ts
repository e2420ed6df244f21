/** Reads one answer of fal's queue status URL: still waiting, failed, or ready for its result to be fetched. */
import { type QueuedOperationV1, UpstreamOutputError } from '@tollgate/provider-spec';
import { falQueueState } from './fal-queue-operation.js';
import { FAL_POLL_INTERVAL_MS } from './read-fal-queue-submission.js';

export type FalQueueProgress =
  | { readonly state: 'pending'; readonly pollAfterMs: number }
  | { readonly state: 'failed'; readonly message: string }
  /** COMPLETED without an error: the result waits at the response URL, which `operation` now points at. */
  | { readonly state: 'ready'; readonly operation: QueuedOperationV1 };

/** States that end a request without a result. fal documents none besides an errored COMPLETED; these are
 *  spellings third-party schemas list, treated as final rather than polled until the deadline. */
const FAILED_STATES = new Set(['FAILED', 'ERROR', 'CANCELED', 'CANCELLED']);

function errorMessage(status: Record<string, unknown>): string | undefined {
  const { error, error_type: errorType } = status;
  const message =
    typeof error === 'string' && error !== ''
      ? error
      : error != null && typeof error === 'object'
        ? JSON.stringify(error)
        : undefined;
  if (message === undefined) return undefined;
  return typeof errorType === 'string' && errorType !== '' ? `${message} (${errorType})` : message;
}

/**
 * What a status answer means. fal's status is `IN_QUEUE` (with `queue_position`), `IN_PROGRESS` (with `logs`
 * when asked for) or `COMPLETED` (with `logs` and `metrics.inference_time`). A request that failed also ends
 * COMPLETED, with `error` and `error_type` set; its result URL would answer with the same error. Any other
 * status is polled again: fal adds states over time, and the host's deadline bounds the wait. Throws an
 * `UpstreamOutputError` for a body without a status.
 *
 * @example
 * readFalQueueStatus({ status: 'IN_QUEUE', queue_position: 2 }, operation, 'fal-ai'); // { state: 'pending', pollAfterMs: 500 }
 * readFalQueueStatus({ status: 'COMPLETED', metrics: { inference_time: 1.2 } }, operation, 'fal-ai');
 * // { state: 'ready', operation: { ...operation, state: { ...operation.state, phase: 'result' }, pollAfterMs: 0 } }
 */
export function readFalQueueStatus(
  body: unknown,
  operation: QueuedOperationV1,
  providerId: string,
): FalQueueProgress {
  const status =
    body != null && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  if (typeof status?.status !== 'string') {
    throw new UpstreamOutputError({
      message: `${providerId} answered a status poll for request ${operation.id} without a status`,
      providerId,
    });
  }
  const failure = errorMessage(status);
  if (status.status === 'COMPLETED') {
    if (failure !== undefined) return { state: 'failed', message: failure };
    const state = falQueueState(operation);
    return {
      state: 'ready',
      operation: { id: operation.id, state: { ...state, phase: 'result' }, pollAfterMs: 0 },
    };
  }
  if (FAILED_STATES.has(status.status)) {
    return { state: 'failed', message: failure ?? `the request ended ${status.status}` };
  }
  return { state: 'pending', pollAfterMs: FAL_POLL_INTERVAL_MS };
}
