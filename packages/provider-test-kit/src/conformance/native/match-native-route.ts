/**
 * Finds which of a plugin's native routes serves a request, with the pattern rules the gateway's route table
 * uses (`packages/core/src/native/native-route-table.ts`): literal segments, `:name` for one segment, a final `*`
 * for one segment or more, routes tried in the plugin's order, path segments URL-decoded.
 */
import type { NativeRouteV1 } from '@tollgate/provider-spec';

export interface NativeRouteMatch {
  readonly route: NativeRouteV1;
  readonly params: Readonly<Record<string, string>>;
}

function matchPattern(pattern: string, parts: readonly string[]): Record<string, string> | undefined {
  const all = pattern.split('/').filter(Boolean);
  const rest = all.at(-1) === '*';
  const segments = rest ? all.slice(0, -1) : all;
  if (rest ? parts.length <= segments.length : parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index]!;
    const part = parts[index]!;
    if (segment.startsWith(':')) params[segment.slice(1)] = part;
    else if (segment !== part) return undefined;
  }
  if (rest) params['*'] = parts.slice(segments.length).join('/');
  return params;
}

/**
 * The first route, in order, whose method and pattern fit `path`; undefined when none does or the path has a
 * malformed escape.
 *
 * @example
 * matchNativeRoute(plugin.nativeRoutes ?? [], 'POST', '/v1/models/black-forest-labs/flux-dev/predictions');
 * // { route, params: { owner: 'black-forest-labs', name: 'flux-dev' } }
 */
export function matchNativeRoute(
  routes: readonly NativeRouteV1[],
  method: string,
  path: string,
): NativeRouteMatch | undefined {
  let parts: string[];
  try {
    parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchPattern(route.path, parts);
    if (params) return { route, params };
  }
  return undefined;
}
