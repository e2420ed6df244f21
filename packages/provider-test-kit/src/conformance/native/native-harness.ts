/** What the native-route checks share: the context one check runs in, and the round trip a fixture makes. */

import { setTimeout as delay } from 'node:timers/promises';
import type { NativeRouteV1, ProviderPluginV1 } from '@tollgate/provider-spec';
import type { ProviderSimulator } from '../../simulator/simulator-types.js';
import type { NativeFixture, NativeRequestFixture } from './native-fixture.js';
import { NativeOperations } from './native-operations.js';
import { hasUsage, type RunNativeRouteResult, runNativeRoute } from './run-native-route.js';

export interface NativeContext {
  readonly plugin: ProviderPluginV1;
  readonly fixture: NativeFixture;
  /** Every fixture of the suite, for the check that each route is exercised. */
  readonly fixtures: readonly NativeFixture[];
  readonly profileId: string;
  readonly simulator: ProviderSimulator;
  /** The routes round trips have exercised so far, shared by the block's checks. */
  readonly exercised: Set<NativeRouteV1>;
}

/**
 * The client's own credential on every request: a Hugging Face token, as router clients send it, in
 * `Authorization` (which the gateway withholds) and in `api-key` (the header Azure-style OpenAI clients use,
 * which the gateway does not recognise as a credential and passes to the plugin). Neither may reach the provider.
 */
export const CONFORMANCE_CLIENT_TOKEN = 'hf_conformanceClientTokenNeverSentUpstream';

const CONFORMANCE_DEADLINE_MS = 5_000;
const POLL_INTERVAL_MS = 20;

export interface NativeRun {
  /** Every answer, the start first. */
  readonly answers: readonly RunNativeRouteResult[];
  readonly start: RunNativeRouteResult;
  readonly operations: NativeOperations;
}

/** The request as the client sends it, carrying the client's own credential. */
export function withClientCredential(request: NativeRequestFixture): NativeRequestFixture {
  return {
    ...request,
    headers: {
      authorization: `Bearer ${CONFORMANCE_CLIENT_TOKEN}`,
      'api-key': CONFORMANCE_CLIENT_TOKEN,
      ...request.headers,
    },
  };
}

/** Sends one request through the kit's host against the simulator. */
export function sendNative(
  context: NativeContext,
  request: NativeRequestFixture,
  operations: NativeOperations,
): Promise<RunNativeRouteResult> {
  const { plugin, simulator, profileId } = context;
  return runNativeRoute({
    plugin,
    request: withClientCredential(request),
    baseUrl: simulator.baseUrlFor(profileId),
    apiKey: simulator.apiKeyFor(profileId),
    operations,
  });
}

/**
 * Runs `work` with the fixture's simulator latency, then puts back the suite's (none: the suite's simulators
 * start without one).
 */
export async function withFixtureLatency<T>(context: NativeContext, work: () => Promise<T>): Promise<T> {
  const { latency } = context.fixture;
  if (latency === undefined) return work();
  context.simulator.setLatency(context.profileId, latency);
  try {
    return await work();
  } finally {
    context.simulator.setLatency(context.profileId, { firstTokenMs: undefined, tokensPerSecond: undefined });
  }
}

function pastDeadline(what: string): never {
  throw new Error(`${what} within ${CONFORMANCE_DEADLINE_MS} ms`);
}

/**
 * Runs the fixture as a client would: the start, then, when it queued work and the fixture has follow-ups,
 * rounds of them (each repeated while its `until` says the work is not done) until one reports usage, or each
 * once when the fixture is not billed.
 *
 * @example
 * const { start, answers } = await runNativeFixture(context);
 */
export function runNativeFixture(context: NativeContext): Promise<NativeRun> {
  return withFixtureLatency(context, () => runFixtureRequests(context));
}

async function runFixtureRequests(context: NativeContext): Promise<NativeRun> {
  const { fixture } = context;
  const operations = new NativeOperations();
  const deadline = Date.now() + CONFORMANCE_DEADLINE_MS;
  const start = await sendNative(context, fixture, operations);
  const answers: RunNativeRouteResult[] = [start];
  const done = () => ({ answers, start, operations });
  if (start.operationId === undefined || fixture.followUps === undefined) return done();
  const followUps = fixture.followUps(start.operationId, start.response?.body);
  const sendUntilDone = async (request: NativeRequestFixture) => {
    for (;;) {
      const answer = await sendNative(context, request, operations);
      answers.push(answer);
      if (!request.until || answer.response === undefined || request.until(answer.response)) return answer;
      if (Date.now() + POLL_INTERVAL_MS > deadline) {
        pastDeadline(`${request.method} ${request.path} never answered as done`);
      }
      await delay(POLL_INTERVAL_MS);
    }
  };
  if (fixture.billed === false) {
    for (const request of followUps) await sendUntilDone(request);
    return done();
  }
  for (;;) {
    for (const request of followUps) {
      if (hasUsage((await sendUntilDone(request)).usage)) return done();
    }
    if (followUps.length === 0 || Date.now() + POLL_INTERVAL_MS > deadline) {
      pastDeadline(`no follow-up of operation ${start.operationId} reported usage`);
    }
    await delay(POLL_INTERVAL_MS);
  }
}
