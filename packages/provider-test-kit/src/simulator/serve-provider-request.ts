/** Answers one request to one simulated provider: faults first, then auth, then the route. */
import type { ProviderProfile, SimulatedAuthScheme, SimulatedModel } from '../profiles/provider-profile.js';
import type { BillingBook } from './billing-book.js';
import type { SimulatorJobBook } from './job-book.js';
import { matchRoutePath } from './match-route-path.js';
import type { SimulatorMediaStore } from './media-store.js';
import { sendGarbage } from './send-garbage.js';
import { sendJsonResponse } from './send-json-response.js';
import { serveChatCompletion } from './serve-chat-completion.js';
import type { SimulatedExchange } from './simulated-exchange.js';
import type { SimulatorLatency } from './simulator-types.js';

export interface SimulatedProviderState {
  readonly profile: ProviderProfile;
  /** The key the provider accepts; empty to accept any request. */
  readonly apiKey: string;
  latency: SimulatorLatency;
  readonly models: readonly SimulatedModel[];
  readonly jobs: SimulatorJobBook;
  /** Set when the provider exposes a billing API. */
  readonly billing?: BillingBook;
}

/** One received request, as the routes see it. */
export interface ProviderRequest {
  /** The path after the provider prefix, without the query string. */
  readonly pathname: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly rawBody: Buffer;
}

/** What every provider on one simulator shares. */
export interface SimulatorSurroundings {
  readonly media: SimulatorMediaStore;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
}

const BEARER_AUTH: SimulatedAuthScheme = { header: 'authorization', prefix: 'Bearer ' };

function modelOf(body: unknown): string | undefined {
  const model = body != null && typeof body === 'object' ? (body as { model?: unknown }).model : undefined;
  return typeof model === 'string' ? model : undefined;
}

/**
 * Acts out the exchange's fault if it replaces the answer (`status`, `timeout`, `reset`, `garbage`), checks
 * the key in the profile's auth scheme, and serves the first matching task route, else the chat completion or
 * models route (`truncate` and `stall` act inside the writers; `job-failure` is read by the route that makes
 * the job).
 *
 * @example
 * await serveProviderRequest(exchange, state, { pathname: '/openai/v1/chat/completions', query, body, rawBody }, surroundings);
 */
export async function serveProviderRequest(
  exchange: SimulatedExchange,
  state: SimulatedProviderState,
  request: ProviderRequest,
  surroundings: SimulatorSurroundings,
): Promise<void> {
  const { profile } = state;
  const { fault } = exchange;
  const { pathname, body } = request;
  const { billing } = state;
  // A provider with a billing API names every response, streams and errors included.
  const providerRequestId = billing?.newRequestId();
  if (billing && providerRequestId) exchange.response.setHeader(billing.requestIdHeader, providerRequestId);
  if (fault?.kind === 'reset') return exchange.cut();
  // A timed-out request is left open with no answer until the client (or close()) ends it.
  if (fault?.kind === 'timeout') return;
  if (fault?.kind === 'status') {
    const fallback = profile.errors.forStatus(fault.status, modelOf(body));
    const headers = { ...fallback.headers, ...fault.headers };
    return sendJsonResponse(exchange, { status: fault.status, body: fault.body ?? fallback.body, headers });
  }
  const isStream = body != null && typeof body === 'object' && (body as { stream?: unknown }).stream === true;
  if (fault?.kind === 'garbage') return sendGarbage(exchange, isStream);

  if (state.apiKey !== '') {
    const auth = profile.auth ?? BEARER_AUTH;
    const presented = exchange.request.headers[auth.header.toLowerCase()];
    if (presented === undefined) return sendJsonResponse(exchange, profile.errors.missingKey());
    if (presented !== `${auth.prefix}${state.apiKey}`)
      return sendJsonResponse(exchange, profile.errors.invalidKey());
  }
  const method = exchange.request.method ?? 'GET';
  if (billing && method === 'POST' && pathname === billing.path) {
    return sendJsonResponse(exchange, billing.answer(body));
  }
  for (const route of profile.taskRoutes ?? []) {
    if (route.method !== method) continue;
    const params = matchRoutePath(route.path, pathname);
    if (params === undefined) continue;
    return route.serve(exchange, {
      params,
      query: request.query,
      body,
      rawBody: request.rawBody,
      contentType: exchange.request.headers['content-type'],
      latency: state.latency,
      models: state.models,
      media: surroundings.media,
      jobs: state.jobs,
      origin: surroundings.origin,
      baseUrl: `${surroundings.origin}/${profile.id}`,
    });
  }
  if (method === 'POST' && pathname === profile.routes.chatCompletions) {
    return serveChatCompletion(exchange, body, {
      profile,
      models: state.models,
      latency: state.latency,
      ...(billing && providerRequestId
        ? { onServed: (tokens) => billing.served(providerRequestId, tokens) }
        : {}),
    });
  }
  if (method === 'GET' && pathname === profile.routes.models) {
    return sendJsonResponse(exchange, { status: 200, body: profile.modelList(state.models) });
  }
  return sendJsonResponse(exchange, profile.errors.unknownRoute(method, pathname));
}
