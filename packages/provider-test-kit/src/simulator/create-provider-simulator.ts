/** One loopback HTTP server hosting every simulated provider under a path prefix (`/groq`, `/together`, ...). */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProviderProfile, SimulatedModel } from '../profiles/provider-profile.js';
import { PROVIDER_PROFILES } from '../profiles/provider-profiles.js';
import { createBillingBook } from './billing-book.js';
import { createFaultBook } from './fault-book.js';
import { createJobBook } from './job-book.js';
import { createMediaStore, MEDIA_PATH_PREFIX, type SimulatorMediaStore } from './media-store.js';
import { readRequestBody } from './read-request-body.js';
import { type SimulatedProviderState, serveProviderRequest } from './serve-provider-request.js';
import { createExchange, type MutableRecordedCall, type SimulatedExchange } from './simulated-exchange.js';
import type { ProviderSimulator, SimulatorOptions } from './simulator-types.js';

/** Context length given to models a test adds beyond a profile's catalog. */
const ADDED_MODEL_CONTEXT_LENGTH = 131072;

function selectProfiles(
  requested: readonly string[] | undefined,
  extra: readonly ProviderProfile[] = [],
): ProviderProfile[] {
  const extraIds = new Set(extra.map((profile) => profile.id));
  const available = [...PROVIDER_PROFILES.filter((profile) => !extraIds.has(profile.id)), ...extra];
  if (requested === undefined) return available;
  return requested.map((id) => {
    const profile = available.find((candidate) => candidate.id === id);
    if (!profile) {
      const known = available.map((candidate) => candidate.id).join(', ');
      throw new Error(`The simulator has no profile '${id}' (it has: ${known})`);
    }
    return profile;
  });
}

function modelsFor(profile: ProviderProfile, extra: readonly string[] = []): SimulatedModel[] {
  const known = new Set(profile.models.map((model) => model.id));
  const added = [...new Set(extra)]
    .filter((id) => !known.has(id))
    .map((id) => ({ id, ownedBy: 'simulated', contextLength: ADDED_MODEL_CONTEXT_LENGTH }));
  return [...profile.models, ...added];
}

/** The providerId that recorded media fetches carry. */
const MEDIA_PROVIDER_ID = MEDIA_PATH_PREFIX.replaceAll('/', '');

/** Serves stored media without a key, as provider CDNs do; 404 for an id the store does not have. */
function serveMedia(exchange: SimulatedExchange, media: SimulatorMediaStore, pathname: string): void {
  const { request, response } = exchange;
  const stored = request.method === 'GET' || request.method === 'HEAD' ? media.get(pathname) : undefined;
  if (!stored) {
    const body = JSON.stringify({ error: `No simulated media at ${pathname}` });
    response.writeHead(404, { 'content-type': 'application/json', 'content-length': String(body.length) });
    response.end(body);
    return;
  }
  response.writeHead(200, {
    'content-type': stored.contentType,
    'content-length': String(stored.bytes.length),
    'cache-control': 'public, max-age=31536000, immutable',
  });
  response.end(stored.bytes);
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * Starts the simulator on 127.0.0.1. Point a provider's base URL at `baseUrlFor(id)` and the plugin's own
 * paths work unchanged; every request is recorded in `calls`.
 *
 * @example
 * const simulator = await createProviderSimulator({ providers: ['groq'] });
 * await fetch(`${simulator.baseUrlFor('groq')}/openai/v1/chat/completions`, {
 *   method: 'POST',
 *   headers: { authorization: `Bearer ${simulator.apiKeyFor('groq')}`, 'content-type': 'application/json' },
 *   body: JSON.stringify({ model: 'openai/gpt-oss-120b', messages: [{ role: 'user', content: 'Hi' }] }),
 * });
 * await simulator.close();
 */
export async function createProviderSimulator(options: SimulatorOptions = {}): Promise<ProviderSimulator> {
  const providers = new Map<string, SimulatedProviderState>();
  for (const profile of selectProfiles(options.providers, options.profiles)) {
    providers.set(profile.id, {
      profile,
      apiKey: options.apiKeys?.[profile.id] ?? `sim-${profile.id}-key`,
      latency: { ...options.latency },
      models: modelsFor(profile, options.models?.[profile.id]),
      jobs: createJobBook(),
      ...(options.billingApi?.[profile.id]
        ? { billing: createBillingBook(options.billingApi[profile.id]!) }
        : {}),
    });
  }
  let origin = '';
  const media = createMediaStore(() => origin);
  const faults = createFaultBook();
  const calls: MutableRecordedCall[] = [];
  const log = options.logger ?? (() => {});
  /** Responses not yet closed, so close() can wait until every recorded outcome is final. */
  const openResponses = new Set<Promise<void>>();
  let shuttingDown = false;

  const stateOf = (providerId: string): SimulatedProviderState => {
    const state = providers.get(providerId);
    if (!state)
      throw new Error(
        `The simulator does not serve '${providerId}' (it serves: ${[...providers.keys()].join(', ')})`,
      );
    return state;
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const [, providerId = '', ...rest] = url.pathname.split('/');
    const pathname = `/${rest.join('/')}`;
    const { body, rawBody } = await readRequestBody(request);
    const state = providers.get(providerId);
    // Billing calls have their own failure knobs; a fault meant for inference is not used up by them.
    const billingCall = request.method === 'POST' && state?.billing?.path === pathname;
    const fault = state && !billingCall ? faults.take(providerId) : undefined;
    const call: MutableRecordedCall = {
      providerId,
      method: request.method ?? 'GET',
      path: `${pathname}${url.search}`,
      headers: headersOf(request),
      body,
      rawBody,
      status: undefined,
      outcome: 'pending',
      fault: fault?.kind,
    };
    calls.push(call);
    const exchange = createExchange(request, response, call, fault, () => shuttingDown);
    const closed = new Promise<void>((resolve) => {
      response.on('close', () => {
        log(`${providerId} ${call.method} ${call.path} -> ${call.status ?? '-'} ${call.outcome}`);
        openResponses.delete(closed);
        resolve();
      });
    });
    openResponses.add(closed);
    if (providerId === MEDIA_PROVIDER_ID) return serveMedia(exchange, media, url.pathname);
    if (!state) {
      const message = `No simulated provider '${providerId}'; this simulator serves: ${[...providers.keys()].join(', ')}`;
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: message }));
      return;
    }
    await serveProviderRequest(
      exchange,
      state,
      { pathname, query: url.searchParams, body, rawBody },
      { media, origin },
    );
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      log(`simulator error: ${error instanceof Error ? error.stack : String(error)}`);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'simulator failure' }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  origin = url;

  return {
    url,
    baseUrlFor: (providerId) => `${url}/${stateOf(providerId).profile.id}`,
    apiKeyFor: (providerId) => stateOf(providerId).apiKey,
    injectFault: (providerId, fault) => faults.inject(stateOf(providerId).profile.id, fault),
    clearFaults: (providerId) => faults.clear(providerId),
    setLatency: (providerId, latency) => {
      const state = stateOf(providerId);
      state.latency = { ...state.latency, ...latency };
    },
    billingApi: (providerId) => {
      const billing = stateOf(providerId).billing;
      if (!billing)
        throw new Error(`The simulator gives '${providerId}' no billing API (see options.billingApi)`);
      return billing;
    },
    media,
    get calls() {
      return calls;
    },
    resetCalls: () => {
      calls.length = 0;
    },
    close: async () => {
      shuttingDown = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([closed, ...openResponses]);
    },
  };
}
