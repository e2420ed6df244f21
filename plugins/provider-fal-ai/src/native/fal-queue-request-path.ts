/** Reads the queue request a router path names: `{owner}/{app}/requests/{id}`, then `/status`, `/cancel` or nothing. */

export interface FalQueueRequestPath {
  /** `{owner}/{app}`, as fal's status, result and cancel URLs name it (`fal-ai/flux` for `fal-ai/flux/dev`). */
  readonly app: string;
  readonly requestId: string;
  /** `status` and `cancel` name those URLs; `result` the response URL itself. */
  readonly action: 'status' | 'result' | 'cancel';
  /** `/{owner}/{app}/requests/{id}[/status|/cancel]`: the path on fal's queue host. */
  readonly path: string;
}

const REQUEST_PATH = /(?:^|\/)([^/]+\/[^/]+)\/requests\/([^/]+)(?:\/(status|cancel))?$/;

/**
 * The queue request in `path` (the part of a native path after the provider prefix, without its leading `/`), or
 * undefined when it names none. Only the last `{owner}/{app}/requests/{id}` counts: Hugging Face's client builds
 * these paths from the pathname of the `response_url` fal returned, which on fal's own host is exactly that, but
 * behind another router or a simulator also carries that host's path prefix, which is not part of fal's URL.
 *
 * @example
 * parseFalQueueRequestPath('fal-ai/flux/requests/764cabcf/status');
 * // { app: 'fal-ai/flux', requestId: '764cabcf', action: 'status', path: '/fal-ai/flux/requests/764cabcf/status' }
 */
export function parseFalQueueRequestPath(path: string): FalQueueRequestPath | undefined {
  const match = REQUEST_PATH.exec(path);
  if (match === null) return undefined;
  const [, app = '', requestId = '', tail] = match;
  const action = tail === 'status' || tail === 'cancel' ? tail : 'result';
  return {
    app,
    requestId,
    action,
    path: `/${app}/requests/${requestId}${tail === undefined ? '' : `/${tail}`}`,
  };
}
