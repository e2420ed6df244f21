/** The upstream call for a native route that passes the client's request on as it came. */
import type { NativeRequestV1, UpstreamRequestV1, UpstreamResponseKindV1 } from '@tollgate/provider-spec';

export interface ForwardNativeRequestOptions {
  /** What to read back; default `json`. */
  readonly expect?: UpstreamResponseKindV1;
  /** Replaces the JSON body (to ask a stream for usage, say); default the client's body. */
  readonly jsonBody?: unknown;
  /** Replaces the path; default the client's path. */
  readonly path?: string;
}

/** Content headers describe the body the client sent; the host sets its own for what it sends. */
const FORWARDED_HEADERS = ['accept', 'prefer', 'x-wait-for-model', 'x-use-cache'];

/**
 * The client's method, path, query, body and the few request headers providers act on (`prefer` for
 * Replicate's synchronous wait, `accept`), to be sent with the provider key instead of the client's token.
 *
 * @example
 * mapRequest: ({ request }) => forwardNativeRequest(request, { expect: request.body.kind === 'json' && isStream ? 'sse' : 'json' });
 */
export function forwardNativeRequest(
  request: NativeRequestV1,
  options: ForwardNativeRequestOptions = {},
): UpstreamRequestV1 {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const body =
    options.jsonBody !== undefined ? { kind: 'json' as const, value: options.jsonBody } : request.body;
  return {
    method: request.method,
    path: options.path ?? request.path,
    ...(Object.keys(request.query).length > 0 ? { query: request.query } : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    body,
    expect: options.expect ?? 'json',
  };
}
