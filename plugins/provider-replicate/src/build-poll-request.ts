/** The get-prediction call the host repeats until a prediction has finished. */
import type { QueuedOperationV1, UpstreamRequestV1 } from '@tollgate/provider-spec';

/**
 * `GET` the prediction at the `urls.get` link Replicate returned (kept in the operation's state), or at
 * `/v1/predictions/{id}` when the answer carried no link.
 *
 * @example
 * buildPollRequest({ id: 'r8abc', state: { getUrl: 'https://api.replicate.com/v1/predictions/r8abc' } });
 * // { method: 'GET', path: '/v1/predictions/r8abc', absoluteUrl: 'https://api.replicate.com/v1/predictions/r8abc', ... }
 */
export function buildPollRequest(operation: QueuedOperationV1): UpstreamRequestV1 {
  const getUrl = operation.state.getUrl;
  return {
    method: 'GET',
    path: `/v1/predictions/${encodeURIComponent(operation.id)}`,
    ...(typeof getUrl === 'string' && getUrl !== '' ? { absoluteUrl: getUrl } : {}),
    body: { kind: 'none' },
    expect: 'json',
  };
}
