/** What the host keeps between polls of one fal queue request: where to ask next, and the request's URLs. */
import type { QueuedOperationV1 } from '@tollgate/provider-spec';

/** `status`: asking the status URL until fal says COMPLETED; `result`: fetching the finished result once. */
export type FalQueuePhase = 'status' | 'result';

export interface FalQueueOperationState {
  readonly phase: FalQueuePhase;
  /** Absolute URLs exactly as fal returned them (they name only the model's owner and app, not its path). */
  readonly statusUrl: string;
  readonly responseUrl: string;
  readonly cancelUrl: string;
}

/**
 * The typed state of a fal queue operation; throws a `TypeError` for an operation this plugin did not make.
 *
 * @example
 * falQueueState({ id: 'r1', state: { phase: 'status', statusUrl: 's', responseUrl: 'r', cancelUrl: 'c' } }).phase; // 'status'
 */
export function falQueueState(operation: QueuedOperationV1): FalQueueOperationState {
  const { phase, statusUrl, responseUrl, cancelUrl } = operation.state;
  if (
    (phase !== 'status' && phase !== 'result') ||
    typeof statusUrl !== 'string' ||
    typeof responseUrl !== 'string' ||
    typeof cancelUrl !== 'string'
  ) {
    throw new TypeError(`operation ${operation.id} is not a fal queue operation`);
  }
  return { phase, statusUrl, responseUrl, cancelUrl };
}
