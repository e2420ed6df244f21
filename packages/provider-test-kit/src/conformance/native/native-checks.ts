/**
 * Conformance checks for a plugin's native routes, per fixture: a round trip through the kit's host (the
 * provider reached with the plugin's auth and never the client's, completed work metered in units the rate card
 * prices, queued work finished by its follow-ups), the refusal of a model the plugin does not map, and follow-ups
 * tied to the operation their start named; and, for the suite, that every route is exercised.
 */
import { type NativeRouteV1, type ProviderPluginV1, RoutingError } from '@tollgate/provider-spec';
import { buildAuthHeaders } from '@tollgate/provider-utils';
import { expect } from 'vitest';
import type { ConformanceCheck } from '../conformance-check.js';
import { rejectionOf } from '../task-harness.js';
import { unpricedUsageUnits } from '../unpriced-usage-units.js';
import { matchNativeRoute } from './match-native-route.js';
import { type NativeFixture, nativeFixtureName } from './native-fixture.js';
import {
  CONFORMANCE_CLIENT_TOKEN,
  type NativeContext,
  runNativeFixture,
  sendNative,
  withFixtureLatency,
} from './native-harness.js';
import { NativeOperations } from './native-operations.js';
import { unknownOperationVariant, unmappedModelVariant } from './native-request-variants.js';
import { hasUsage, runNativeRoute } from './run-native-route.js';

/** The check names' suffixes, after `native: <fixture>: `; the last applies to fixtures with follow-ups only. */
export const NATIVE_CHECK_SUFFIXES = [
  'round trip',
  'unmapped model refused',
  'follow-ups tied to the operation',
] as const;

/** The suite-wide check that every follow-up route was exercised (start routes are checked before the suite runs). */
export const NATIVE_COVERAGE_CHECK = 'native: every route is exercised';

const describeRoute = (route: NativeRouteV1) => `${route.method} ${route.path} (${route.role})`;

function providerCalls(context: NativeContext) {
  return context.simulator.calls.filter((call) => call.providerId === context.profileId);
}

function expectPluginAuth(context: NativeContext): void {
  const { plugin, simulator, profileId } = context;
  const calls = providerCalls(context);
  expect(calls.length, 'the plugin sent nothing to the provider').toBeGreaterThan(0);
  const expectedAuth = buildAuthHeaders(plugin.settings.auth, simulator.apiKeyFor(profileId));
  for (const call of calls) {
    for (const [header, value] of Object.entries(expectedAuth)) {
      expect(
        call.headers[header],
        `${call.method} ${call.path} lacks the ${header} header of the plugin's auth`,
      ).toBe(value);
    }
    const leaked = Object.entries(call.headers).filter(([, value]) =>
      value.includes(CONFORMANCE_CLIENT_TOKEN),
    );
    expect(
      leaked.map(([header]) => header),
      `${call.method} ${call.path} carried the client's own credential upstream`,
    ).toEqual([]);
  }
}

const roundTrip = (name: string): ConformanceCheck<NativeContext> => ({
  name: `native: ${name}: round trip`,
  run: async (context) => {
    const { plugin, fixture } = context;
    const { answers, start } = await runNativeFixture(context);
    for (const answer of answers) context.exercised.add(answer.route);
    expect(start.route.role, `the fixture's start request matched ${describeRoute(start.route)}`).toBe(
      'start',
    );
    for (const answer of answers.slice(1)) {
      expect(
        answer.route.role,
        `follow-up ${answer.request.method} ${answer.request.path} matched ${describeRoute(answer.route)}`,
      ).toBe('follow-up');
    }
    expectPluginAuth(context);
    await fixture.check?.(answers, context.simulator.calls);
    const billed = answers.filter((answer) => hasUsage(answer.usage));
    if (fixture.billed === false) {
      const metered = answers.filter((answer) => hasUsage(answer.metered));
      expect(
        metered.map((answer) => `${answer.request.method} ${answer.request.path}`),
        'the fixture says this work is not billed, but these answers reported usage',
      ).toEqual([]);
      return;
    }
    const queuedWithoutFollowUps =
      start.operationId !== undefined && fixture.followUps === undefined
        ? `; the start queued operation ${start.operationId}: give the fixture followUps to finish it`
        : '';
    const noUsage = `no answer reported usage: completed work must be metered${queuedWithoutFollowUps || (start.operationId === undefined ? ' (the start reported neither usage nor an operationId)' : '')}`;
    const twice = `the work was billed by ${billed.length} answers (${billed.map((answer) => `${answer.request.method} ${answer.request.path}`).join(', ')}): queued work is billed once, when a follow-up first reports it done`;
    expect(billed.length, billed.length === 0 ? noUsage : twice).toBe(1);
    const usage = billed[0]!.usage;
    if (plugin.billing === 'estimated') return;
    const modelId = start.mapping.providerModelId;
    const card = plugin.rates.table.models[modelId] ?? plugin.rates.table.fallback;
    expect(card, `no rate card for ${modelId}`).toBeDefined();
    const unpriced = unpricedUsageUnits(card!, usage);
    expect(unpriced, `usage the rate card of ${modelId} cannot price: ${unpriced.join(', ')}`).toEqual([]);
  },
});

const unmappedModel = (name: string): ConformanceCheck<NativeContext> => ({
  name: `native: ${name}: unmapped model refused`,
  run: async (context) => {
    const { plugin, fixture, simulator, profileId } = context;
    const variant = unmappedModelVariant(plugin, fixture);
    expect(
      variant,
      `no change to one path segment, query value or JSON string of the start makes modelOf name another model: modelOf must read the model from the request`,
    ).toBeDefined();
    const error = await rejectionOf(
      runNativeRoute({
        plugin,
        request: variant!.request,
        baseUrl: simulator.baseUrlFor(profileId),
        apiKey: simulator.apiKeyFor(profileId),
      }),
    );
    expect(RoutingError.isInstance(error), `expected a RoutingError, got ${String(error)}`).toBe(true);
    expect((error as Error).message).toContain(`Model not supported by provider ${plugin.id}`);
    expect(providerCalls(context), 'a request for an unmapped model reached the provider').toEqual([]);
  },
});

const followUpsTied = (name: string): ConformanceCheck<NativeContext> => ({
  name: `native: ${name}: follow-ups tied to the operation`,
  run: async (context) => {
    const { fixture } = context;
    const operations = new NativeOperations();
    const start = await withFixtureLatency(context, () => sendNative(context, fixture, operations));
    expect(
      start.operationId,
      'the start queued no work: its meterResponse must return the operationId its follow-ups name',
    ).toBeDefined();
    const operationId = start.operationId!;
    const [first] = fixture.followUps!(operationId, start.response?.body);
    expect(first, 'the fixture gives no follow-up request').toBeDefined();
    const variant = unknownOperationVariant(first!, operationId);
    expect(
      variant,
      `the follow-up ${first!.method} ${first!.path} does not name operation ${operationId}`,
    ).toBeDefined();
    const before = providerCalls(context).length;
    const error = await rejectionOf(sendNative(context, variant!, operations));
    expect(error, 'a follow-up of work that was never started must be refused').toMatchObject({
      status: 404,
      code: 'unknown_request',
    });
    expect(providerCalls(context).length, 'a follow-up of unknown work reached the provider').toBe(before);
    // The real follow-up is tied to the start: the host finds the operation its operationOf names.
    await expect(sendNative(context, first!, operations)).resolves.toBeDefined();
  },
});

/**
 * The checks for one fixture, named `native: <fixture>: <check>`.
 *
 * @example
 * nativeChecks({ method: 'GET', path: '/v1/predictions/x', body: { kind: 'none' } }).map((check) => check.name);
 */
export function nativeChecks(fixture: NativeFixture): ConformanceCheck<NativeContext>[] {
  const name = nativeFixtureName(fixture);
  const checks = [roundTrip(name), unmappedModel(name)];
  return fixture.followUps ? [...checks, followUpsTied(name)] : checks;
}

/**
 * Whether any request can get through `route`: not when it starts work of a task the plugin maps no live model for
 * (speech priced in a unit no rate card measures, say), since every such request is refused as unmapped. Its
 * fixture's round trip fails for that reason and is skipped with it; the route cannot count against coverage.
 */
function canBeExercised(plugin: ProviderPluginV1, route: NativeRouteV1): boolean {
  if (route.role !== 'start' || route.task === undefined) return true;
  return plugin.models.some((mapping) => mapping.task === route.task && mapping.status === 'live');
}

/**
 * Every route a round trip exercised, running the fixtures whose round trips have not (run in another order,
 * filtered or skipped) so the answer does not depend on which checks ran. A start route for a task with no live
 * mapping is left out (see {@link canBeExercised}).
 */
export const nativeCoverageCheck: ConformanceCheck<NativeContext> = {
  name: NATIVE_COVERAGE_CHECK,
  run: async (context) => {
    const routes = (context.plugin.nativeRoutes ?? []).filter((route) =>
      canBeExercised(context.plugin, route),
    );
    if (routes.some((route) => !context.exercised.has(route))) {
      const exercisable = context.fixtures.filter((fixture) => {
        const start = matchNativeRoute(context.plugin.nativeRoutes ?? [], fixture.method, fixture.path);
        return start !== undefined && routes.includes(start.route);
      });
      for (const fixture of exercisable) {
        const { answers } = await runNativeFixture({ ...context, fixture });
        for (const answer of answers) context.exercised.add(answer.route);
      }
    }
    const missing = routes.filter((route) => !context.exercised.has(route)).map(describeRoute);
    expect(missing, `native routes no fixture exercised: ${missing.join(', ')}`).toEqual([]);
  },
};
