/**
 * The kit's small host for native routes, mirroring the gateway's native executor
 * (`packages/core/src/native/native-call-executor.ts`) without credits or pricing: it matches the route, checks
 * a start's model against the plugin's live mappings and a follow-up's operation against the work its caller
 * started, calls the plugin's `mapRequest`, sends it with the plugin's auth, and meters the answer with
 * `meterResponse` (or `mapStreamEvent` for an event stream), billing queued work once.
 */
import {
  type CallContextV1,
  type ModelMappingV1,
  type NativeMeteringV1,
  type NativeRequestV1,
  type NativeRouteV1,
  type ProviderPluginV1,
  RoutingError,
  type UpstreamRequestV1,
  type UpstreamResponseV1,
  type UsageV1,
} from '@tollgate/provider-spec';
import {
  callUpstream,
  openUpstreamStream,
  type UpstreamTarget,
  type UrlPolicy,
} from '@tollgate/provider-utils';
import { matchNativeRoute } from './match-native-route.js';
import type { NativeRequestFixture } from './native-fixture.js';
import { NativeOperations } from './native-operations.js';

export interface RunNativeRouteOptions {
  readonly plugin: ProviderPluginV1;
  /** The client's request to `/{plugin.id}{path}`. */
  readonly request: NativeRequestFixture;
  /** Where the provider lives, e.g. `simulator.baseUrlFor('fal-ai')`. */
  readonly baseUrl: string;
  /** The provider key; empty or omitted to send none. */
  readonly apiKey?: string;
  /** The work started so far; pass the same book to a start and its follow-ups. Default: a fresh one. */
  readonly operations?: NativeOperations;
  /** Who is calling, for tying follow-ups to the caller who started the work; default `conformance-client`. */
  readonly caller?: string;
  readonly signal?: AbortSignal;
  /** Which provider-returned absolute URLs may be fetched; default only the base URL's own origin. */
  readonly urlPolicy?: UrlPolicy;
}

export interface RunNativeRouteResult {
  readonly route: NativeRouteV1;
  /** The request as the plugin saw it (client credentials withheld, params captured). */
  readonly request: NativeRequestV1;
  /** The mapping the call is billed at: the start's own, or, for a follow-up, the one its start resolved to. */
  readonly mapping: ModelMappingV1;
  /** What the plugin's `mapRequest` asked the host to send. */
  readonly upstreamRequest: UpstreamRequestV1;
  /** The provider's answer, for JSON and bytes answers. */
  readonly response?: UpstreamResponseV1;
  /** What the client received of an event stream, in order. */
  readonly events?: readonly unknown[];
  /** An error the provider reported inside an event stream. */
  readonly streamError?: { readonly message: string };
  /** What the plugin metered for this answer, before the once-only rule. */
  readonly metered: UsageV1;
  /** What this answer is billed for: empty when nothing, or when its queued work was billed already. */
  readonly usage: UsageV1;
  /** The queued work a start began, as its metering named it. */
  readonly operationId?: string;
}

/** The client headers the gateway never passes on (`apps/server/src/inference/serve-native-call.ts`). */
const WITHHELD_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'te',
  'upgrade',
  'expect',
]);

const DEFAULT_CALLER = 'conformance-client';

/** Whether a usage reports anything, as the gateway decides whether an answer is billable. */
export const hasUsage = (usage: UsageV1 | undefined): usage is UsageV1 =>
  usage !== undefined && Object.values(usage).some((value) => value !== undefined && value !== 0);

function forwardableHeaders(headers: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (!WITHHELD_HEADERS.has(lower)) kept[lower] = value;
  }
  return kept;
}

interface BillingTarget {
  readonly mapping: ModelMappingV1;
  readonly operation: ReturnType<NativeOperations['find']>;
}

function billingTarget(
  plugin: ProviderPluginV1,
  route: NativeRouteV1,
  request: NativeRequestV1,
  operations: NativeOperations,
  caller: string,
): BillingTarget {
  if (route.role === 'follow-up') {
    const operationId = route.operationOf?.(request);
    const operation = operationId === undefined ? undefined : operations.find(plugin.id, operationId);
    if (!operation || operation.caller !== caller) {
      throw new RoutingError({
        message: `Request '${operationId ?? ''}' was not started through this gateway by you, or has expired.`,
        status: 404,
        code: 'unknown_request',
        param: 'request_id',
      });
    }
    return { mapping: operation.mapping, operation };
  }
  const providerModelId = route.modelOf?.(request);
  // As the gateway's catalog: without a task, the provider model's first mapping, whatever its task.
  const mapping =
    providerModelId === undefined
      ? undefined
      : plugin.models.find(
          (candidate) =>
            candidate.providerModelId === providerModelId &&
            (route.task === undefined || candidate.task === route.task),
        );
  if (mapping?.status !== 'live') {
    throw new RoutingError({
      message:
        providerModelId === undefined
          ? `The request to provider ${plugin.id} names no model.`
          : `Model not supported by provider ${plugin.id}: '${providerModelId}' is not mapped${route.task ? ` for task '${route.task}'` : ''}.`,
    });
  }
  return { mapping, operation: undefined };
}

let callCounter = 0;

interface Streamed {
  readonly events: unknown[];
  readonly usage: UsageV1;
  readonly streamError?: { readonly message: string };
}

async function readStream(
  route: NativeRouteV1,
  args: Parameters<NativeRouteV1['mapRequest']>[0],
  stream: Awaited<ReturnType<typeof openUpstreamStream>>,
  plugin: ProviderPluginV1,
): Promise<Streamed> {
  const mapStreamEvent = route.mapStreamEvent;
  if (!mapStreamEvent) {
    throw new TypeError(
      `Native route ${route.method} ${route.path} of ${plugin.id} streams but has no mapStreamEvent`,
    );
  }
  const events: unknown[] = [];
  let usage: UsageV1 = {};
  for await (const event of stream.events) {
    const result = mapStreamEvent({ ...args, event });
    // The host keeps the last usage a stream reports.
    if (result.usage) usage = result.usage;
    if (result.error) return { events, usage, streamError: { message: result.error.message } };
    if (result.emit !== undefined) events.push(result.emit);
    if (result.done) break;
  }
  return { events, usage };
}

/**
 * Runs one client request through `plugin`'s native routes against `baseUrl`, as the gateway would. Throws a
 * `RoutingError` for a path no route serves (404 `unknown_url`), a start whose model is not a live mapping
 * (400 "Model not supported by provider ..."), or a follow-up of work this caller did not start (404
 * `unknown_request`); upstream failures surface as the provider-utils errors (`UpstreamApiError`, ...).
 *
 * @example
 * const operations = new NativeOperations();
 * const started = await runNativeRoute({
 *   plugin: falAi,
 *   request: { method: 'POST', path: '/fal-ai/flux/dev', query: { _subdomain: 'queue' }, body: { kind: 'json', value: { prompt: 'A fox' } } },
 *   baseUrl: simulator.baseUrlFor('fal-ai'),
 *   apiKey: simulator.apiKeyFor('fal-ai'),
 *   operations,
 * });
 * started.operationId; // the fal request id its follow-ups name
 */
export async function runNativeRoute(options: RunNativeRouteOptions): Promise<RunNativeRouteResult> {
  const { plugin, request: fixture, signal } = options;
  const match = matchNativeRoute(plugin.nativeRoutes ?? [], fixture.method, fixture.path);
  if (!match) {
    throw new RoutingError({
      message: `Provider '${plugin.id}' has no route ${fixture.method} ${fixture.path} on this gateway.`,
      status: 404,
      code: 'unknown_url',
      param: 'path',
    });
  }
  const { route } = match;
  const request: NativeRequestV1 = {
    method: fixture.method,
    path: fixture.path,
    query: fixture.query ?? {},
    params: match.params,
    headers: forwardableHeaders(fixture.headers),
    body: fixture.body ?? { kind: 'none' },
  };
  const operations = options.operations ?? new NativeOperations();
  const caller = options.caller ?? DEFAULT_CALLER;
  const billing = billingTarget(plugin, route, request, operations, caller);
  callCounter += 1;
  const context: CallContextV1 = {
    requestId: `run-native-${callCounter}`,
    providerId: plugin.id,
    hfModelId: billing.mapping.hfModelId,
    providerModelId: billing.mapping.providerModelId,
  };
  const args = { request, context };
  const upstreamRequest = route.mapRequest(args);
  const target: UpstreamTarget = {
    providerId: plugin.id,
    baseUrl: options.baseUrl,
    auth: plugin.settings.auth,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    ...(plugin.settings.headers ? { headers: plugin.settings.headers } : {}),
  };
  const urlPolicy = options.urlPolicy ?? { allowedOrigins: [new URL(options.baseUrl).origin] };
  const call = { target, request: upstreamRequest, urlPolicy, ...(signal ? { signal } : {}) };
  const common = { route, request, mapping: billing.mapping, upstreamRequest };

  if (upstreamRequest.expect === 'sse') {
    const streamed = await readStream(route, args, await openUpstreamStream(call), plugin);
    return {
      ...common,
      events: streamed.events,
      ...(streamed.streamError ? { streamError: streamed.streamError } : {}),
      metered: streamed.usage,
      usage: hasUsage(streamed.usage) ? streamed.usage : {},
    };
  }

  const response = await callUpstream(call);
  const metering: NativeMeteringV1 = route.meterResponse?.({ ...args, response }) ?? {};
  if (metering.operationId !== undefined && route.role === 'start') {
    operations.add({
      providerId: plugin.id,
      operationId: metering.operationId,
      caller,
      mapping: billing.mapping,
    });
  }
  // Queued work is billed once, on the first answer that reports it done.
  const billable = hasUsage(metering.usage) && !billing.operation?.billed ? metering.usage : undefined;
  if (billable && billing.operation) billing.operation.billed = true;
  return {
    ...common,
    response,
    metered: metering.usage ?? {},
    usage: billable ?? {},
    ...(metering.operationId !== undefined && route.role === 'start'
      ? { operationId: metering.operationId }
      : {}),
  };
}
