/** Finds which of a plugin's native routes serves a request, and what its path pattern captured. */
import type { NativeRouteV1 } from '@tollgate/provider-spec';

export interface NativeRouteMatch {
  readonly route: NativeRouteV1;
  readonly params: Readonly<Record<string, string>>;
}

interface CompiledRoute {
  readonly route: NativeRouteV1;
  readonly segments: readonly string[];
  readonly rest: boolean;
}

function compile(route: NativeRouteV1): CompiledRoute {
  const segments = route.path.split('/').filter(Boolean);
  const rest = segments.at(-1) === '*';
  return { route, segments: rest ? segments.slice(0, -1) : segments, rest };
}

function matchOne(
  { segments, rest }: CompiledRoute,
  parts: readonly string[],
): Record<string, string> | undefined {
  if (rest ? parts.length <= segments.length : parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < segments.length; index += 1) {
    const pattern = segments[index]!;
    const part = parts[index]!;
    if (pattern.startsWith(':')) params[pattern.slice(1)] = part;
    else if (pattern !== part) return undefined;
  }
  if (rest) params['*'] = parts.slice(segments.length).join('/');
  return params;
}

/**
 * @example
 * const table = new NativeRouteTable(plugin.nativeRoutes ?? []);
 * table.match('POST', '/v1/models/black-forest-labs/flux-dev/predictions');
 */
export class NativeRouteTable {
  private readonly routes: readonly CompiledRoute[];

  constructor(routes: readonly NativeRouteV1[]) {
    this.routes = routes.map(compile);
  }

  /** The first route, in the plugin's order, whose method and pattern fit; path segments are URL-decoded. */
  match(method: string, path: string): NativeRouteMatch | undefined {
    let parts: string[];
    try {
      parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      return undefined;
    }
    for (const compiled of this.routes) {
      if (compiled.route.method !== method) continue;
      const params = matchOne(compiled, parts);
      if (params) return { route: compiled.route, params };
    }
    return undefined;
  }

  get size(): number {
    return this.routes.length;
  }
}
