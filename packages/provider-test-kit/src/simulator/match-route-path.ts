/** Matches a request path against a task route's pattern (`/v1/predictions/:id`, `/models/*`). */

/**
 * The captured parameters when `pathname` matches `pattern`, undefined otherwise. `:name` captures one
 * non-empty segment, a final `*` captures the rest (possibly empty, may contain slashes) as `params['*']`.
 * Captures are percent-decoded.
 *
 * @example
 * matchRoutePath('/v1/predictions/:id', '/v1/predictions/abc'); // { id: 'abc' }
 * matchRoutePath('/models/*', '/models/black-forest-labs/flux-schnell'); // { '*': 'black-forest-labs/flux-schnell' }
 */
export function matchRoutePath(pattern: string, pathname: string): Record<string, string> | undefined {
  const wanted = pattern.split('/');
  const actual = pathname.split('/');
  const params: Record<string, string> = {};
  for (const [index, segment] of wanted.entries()) {
    if (segment === '*' && index === wanted.length - 1) {
      params['*'] = actual.slice(index).map(decodeSegment).join('/');
      return params;
    }
    const value = actual[index];
    if (value === undefined) return undefined;
    if (segment.startsWith(':')) {
      if (value === '') return undefined;
      params[segment.slice(1)] = decodeSegment(value);
    } else if (segment !== value) {
      return undefined;
    }
  }
  return actual.length === wanted.length ? params : undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape is kept as sent, as most routers do, rather than failing the request.
    return segment;
  }
}
