/**
 * The declaration-time half of the native-route checks: every fixture's start matches a `start` route, every
 * `start` route has a fixture, and follow-up routes have fixtures that follow work up, so a misconfigured suite
 * fails at once with a clear message (as task fixtures do). Which follow-up routes the follow-ups reach is only
 * known once they run, so that is checked by `native: every route is exercised`.
 */
import type { NativeRouteV1, ProviderPluginV1 } from '@tollgate/provider-spec';
import type { ConformanceCheck } from '../conformance-check.js';
import { matchNativeRoute } from './match-native-route.js';
import { nativeChecks } from './native-checks.js';
import { type NativeFixture, nativeFixtureName } from './native-fixture.js';
import type { NativeContext } from './native-harness.js';

export interface NativeSetup {
  readonly fixture: NativeFixture;
  readonly checks: readonly ConformanceCheck<NativeContext>[];
}

const describeRoute = (route: NativeRouteV1) => `${route.method} ${route.path}`;

/**
 * The fixtures with their checks; throws when a fixture's start matches no route or a follow-up route, when a
 * `start` route has no fixture, when follow-up routes exist but no fixture follows work up, or when two fixtures
 * share a name.
 *
 * @example
 * nativeSetups(plugin, [{ method: 'POST', path: '/v1/chat/completions', body: { kind: 'json', value: body } }]);
 */
export function nativeSetups(plugin: ProviderPluginV1, fixtures: readonly NativeFixture[]): NativeSetup[] {
  const routes = plugin.nativeRoutes ?? [];
  const prefix = 'runProviderConformance:';
  if (routes.length === 0 && fixtures.length > 0) {
    throw new Error(`${prefix} native fixtures were given, but ${plugin.id} declares no nativeRoutes`);
  }
  const names = fixtures.map(nativeFixtureName);
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0) {
    throw new Error(`${prefix} two native fixtures are named '${repeated[0]}'; give them distinct names`);
  }
  const started = new Set<NativeRouteV1>();
  for (const fixture of fixtures) {
    const match = matchNativeRoute(routes, fixture.method, fixture.path);
    if (!match) {
      throw new Error(
        `${prefix} the native fixture '${nativeFixtureName(fixture)}' matches no native route of ${plugin.id} (it declares: ${routes.map(describeRoute).join(', ')})`,
      );
    }
    if (match.route.role !== 'start') {
      throw new Error(
        `${prefix} the native fixture '${nativeFixtureName(fixture)}' starts with ${describeRoute(match.route)}, a follow-up route; a fixture starts work and lists its follow-ups in followUps`,
      );
    }
    started.add(match.route);
  }
  const missing = routes.filter((route) => route.role === 'start' && !started.has(route));
  if (missing.length > 0) {
    const route = missing[0]!;
    throw new Error(
      `${prefix} ${plugin.id} declares native route${missing.length > 1 ? 's' : ''} ${missing.map(describeRoute).join(', ')} without a fixture; pass native: [{ method: '${route.method}', path: '${route.path}', body: ... }]`,
    );
  }
  const followUpRoutes = routes.filter((route) => route.role === 'follow-up');
  if (followUpRoutes.length > 0 && !fixtures.some((fixture) => fixture.followUps !== undefined)) {
    throw new Error(
      `${prefix} ${plugin.id} declares follow-up routes (${followUpRoutes.map(describeRoute).join(', ')}) but no native fixture has followUps to exercise them`,
    );
  }
  return fixtures.map((fixture) => ({ fixture, checks: nativeChecks(fixture) }));
}
