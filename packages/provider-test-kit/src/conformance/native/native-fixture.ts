/** What a plugin's conformance test supplies for its native routes: client requests in the provider's own format. */
import type { NativeBodyV1, NativeRequestV1, UpstreamResponseV1 } from '@tollgate/provider-spec';
import type { RecordedCall, SimulatorLatency } from '../../simulator/simulator-types.js';
import type { RunNativeRouteResult } from './run-native-route.js';

/** One request a client sends to `/{provider}{path}`. */
export interface NativeRequestFixture {
  readonly method: NativeRequestV1['method'];
  /** After the provider prefix, starting with `/`, without the query string. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** Default: no body. */
  readonly body?: NativeBodyV1;
  /** The client's headers (any case); its credentials are withheld by the host, as the gateway withholds them. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Repeat this request until its answer satisfies `until` (a status poll until the work is done) before the
   * next follow-up is sent; default: sent once per round.
   */
  readonly until?: (response: UpstreamResponseV1) => boolean;
}

/** A start request, and for queued work the requests that follow it up. */
export interface NativeFixture extends NativeRequestFixture {
  readonly body: NativeBodyV1;
  /** Names the fixture's checks (`native: <name>: round trip`); default `<method> <path>`. */
  readonly name?: string;
  /**
   * For a start that queues work: the follow-up requests to make with the operation id the start's metering
   * returned (and its answer's body, for providers that name result URLs in it). The list is sent in order, in
   * rounds, until one of them reports usage (or, when `billed` is false, once).
   */
  readonly followUps?: (operationId: string, startResponseBody: unknown) => readonly NativeRequestFixture[];
  /**
   * Whether the work completes and is billed (at once, or by a follow-up); default true. False for requests that
   * end work unbilled (a cancel): the check then asserts that no answer reports usage.
   */
  readonly billed?: boolean;
  /**
   * The simulator's latency while this fixture runs; `firstTokenMs` is how long its jobs take, e.g. long enough
   * for a cancel to arrive before the work is done. Default: the simulator's own.
   */
  readonly latency?: SimulatorLatency;
  /** Extra assertions on every answer of the round trip; `calls` are the simulator's calls during it. */
  readonly check?: (
    answers: readonly RunNativeRouteResult[],
    calls: readonly RecordedCall[],
  ) => void | Promise<void>;
}

/** The name a fixture's checks carry. */
export function nativeFixtureName(fixture: NativeFixture): string {
  return fixture.name ?? `${fixture.method} ${fixture.path}`;
}
