/**
 * The inference routes on a lean `node:http` handler in front of Fastify: the OpenAI-style endpoints, and every
 * provider's native routes at `/{provider}/...`. Every inference request pays for
 * whatever the HTTP layer does, and Fastify's request lifecycle (hooks, schema validation, reply pipeline,
 * per-request child logger) measured as much as the whole kernel (docs/decisions/0008). This path does the
 * same work by hand, sharing the pieces with the framework routes: request ids, the error mapping, metrics,
 * the SSE writer and the drain behaviour of a shutting-down gateway. Everything else stays on Fastify.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { type BilledOrganization, coreTokens, type Kernel, type Principal } from '@tollgate/core';
import type { Logger } from 'pino';
import { abortForClosedClient, connectionAbortController } from '../http/client-abort-signal.js';
import { openAiErrorBody } from '../http/openai-error.js';
import { clientRequestIdOf, newRequestId } from '../http/request-id.js';
import { SANDBOX_HEADER } from '../http/sandbox-header.js';
import type { GatewayLifecycle } from '../lifecycle/gateway-lifecycle.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { recordHttpResponse } from '../metrics/record-http-response.js';
import { authorizeInferenceCall, type InferenceCaller } from './authorize-inference-call.js';
import type { InferenceExchange } from './inference-exchange.js';
import { readJsonBody } from './read-json-body.js';
import { readNativeBody } from './read-native-body.js';
import { sendInferenceError } from './send-inference-error.js';
import { sendJson } from './send-json.js';
import { type NativeTarget, serveNativeCall } from './serve-native-call.js';

/** What an inference endpoint gets once the request is authenticated and its body parsed. */
export interface InferenceEndpointArgs {
  readonly kernel: Kernel;
  readonly logger: Logger;
  readonly exchange: InferenceExchange;
  readonly principal: Principal;
  /** The organization paying (`X-HF-Bill-To`); absent when the caller pays. */
  readonly billTo?: BilledOrganization;
  readonly body: unknown;
}

export interface InferenceEndpoint {
  /** The route pattern, also the `route` label of the HTTP metrics. */
  readonly route: string;
  /** Resolves when the answer is complete; rejects before anything was sent with the error to answer. */
  readonly serve: (args: InferenceEndpointArgs) => Promise<void>;
}

export interface InferenceHandlerOptions {
  readonly kernel: Kernel;
  readonly logger: Logger;
  readonly metrics: GatewayMetrics;
  readonly lifecycle: GatewayLifecycle;
  readonly bodyLimitBytes: number;
  readonly sandbox: boolean;
  /** Keyed by path; every inference route is a POST. */
  readonly endpoints: ReadonlyMap<string, InferenceEndpoint>;
}

/** `true` when the handler took the request; `false` to hand it to the framework. */
export type InferenceHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

/** The route label of every native request (the provider is a label of the upstream series). */
export const NATIVE_ROUTE_LABEL = '/{provider}/*';
const NATIVE_METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);
/** The task a request record names when the request was refused before its task was known from a mapping. */
const TASK_OF_ROUTE = new Map([['/v1/chat/completions', 'conversational']]);

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** `/fal-ai/fal-ai/flux/dev?_subdomain=queue` -> provider `fal-ai`, path `/fal-ai/flux/dev`, its query. */
function nativeTargetOf(url: string): NativeTarget | undefined {
  const question = url.indexOf('?');
  const path = question === -1 ? url : url.slice(0, question);
  const slash = path.indexOf('/', 1);
  if (slash === -1) return undefined;
  const query: Record<string, string> = {};
  if (question !== -1)
    for (const [name, value] of new URLSearchParams(url.slice(question + 1))) query[name] = value;
  return { providerId: path.slice(1, slash), path: path.slice(slash), query };
}

/**
 * @example
 * const inference = createInferenceHandler({ kernel, logger, metrics, lifecycle, bodyLimitBytes, sandbox, endpoints });
 * http.createServer((request, response) => inference(request, response) || fastifyHandler(request, response));
 */
export function createInferenceHandler(options: InferenceHandlerOptions): InferenceHandler {
  const { kernel, logger, metrics, lifecycle, bodyLimitBytes, sandbox, endpoints } = options;

  /** What every inference request goes through, around the endpoint's own work. */
  async function serve(
    route: string,
    request: IncomingMessage,
    response: ServerResponse,
    work: (exchange: InferenceExchange, caller: InferenceCaller) => Promise<void>,
  ) {
    const startedAt = performance.now();
    const requestId = newRequestId();
    const clientRequestId = clientRequestIdOf(request.headers);
    const headers: OutgoingHttpHeaders = { 'x-request-id': requestId };
    if (sandbox) headers[SANDBOX_HEADER] = 'simulated';
    const controller = connectionAbortController(response.socket);
    response.once('close', () => {
      if (!response.writableFinished) abortForClosedClient(controller);
      recordHttpResponse(metrics, request.method ?? 'POST', route, response, startedAt);
    });
    const exchange: InferenceExchange = {
      request,
      response,
      requestId,
      ...(clientRequestId === undefined ? {} : { clientRequestId }),
      headers,
      signal: controller.signal,
    };
    if (lifecycle.shuttingDown) {
      headers.connection = 'close';
      headers['retry-after'] = '1';
      const body = openAiErrorBody(
        'The gateway is shutting down; retry the request.',
        'server_error',
        'shutting_down',
      );
      sendJson(response, 503, headers, JSON.stringify(body));
      return;
    }
    let caller: InferenceCaller | undefined;
    try {
      // Authorize first, so that an anonymous client cannot make the gateway read a large body.
      caller = await authorizeInferenceCall(kernel, request.headers);
      await work(exchange, caller);
    } catch (error) {
      // A request refused before an executor took it (a body that does not parse...) is recorded too; one the
      // executor already recorded keeps its record (records are idempotent by request id).
      if (caller) await recordRefused(route, requestId, caller, error, startedAt);
      // An unread body would be drained before the connection could carry the next request; close it instead.
      if (!request.complete) headers.connection = 'close';
      sendInferenceError(exchange, error, logger);
    }
  }

  const recordRefused = async (
    route: string,
    requestId: string,
    caller: InferenceCaller,
    error: unknown,
    startedAt: number,
  ) => {
    // Resolved per refusal, not up front: the kernel may start after the handler was built.
    await kernel.resolve(coreTokens.requestLog)?.refused({
      requestId,
      principal: caller.principal,
      billedToOrganizationId: caller.billTo?.id,
      task: TASK_OF_ROUTE.get(route) ?? 'native',
      model: undefined,
      error,
      startedAt: Date.now() - (performance.now() - startedAt),
    });
  };

  const start = (
    route: string,
    request: IncomingMessage,
    response: ServerResponse,
    work: (exchange: InferenceExchange, caller: InferenceCaller) => Promise<void>,
  ) => {
    serve(route, request, response, work).catch((error: unknown) => {
      logger.error({ err: error }, 'Inference request failed outside its error handling');
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
    return true;
  };

  return (request, response) => {
    const url = request.url ?? '/';
    const endpoint = request.method === 'POST' ? endpoints.get(pathOf(url)) : undefined;
    if (endpoint) {
      return start(endpoint.route, request, response, async (exchange, caller) => {
        const body = await readJsonBody(request, bodyLimitBytes);
        await endpoint.serve({ kernel, logger, exchange, ...caller, body });
      });
    }
    const target = NATIVE_METHODS.has(request.method ?? '') ? nativeTargetOf(url) : undefined;
    if (!target || !kernel.native.serves(target.providerId)) return false;
    return start(NATIVE_ROUTE_LABEL, request, response, async (exchange, caller) => {
      const body = await readNativeBody(request, bodyLimitBytes);
      await serveNativeCall({ kernel, logger, exchange, ...caller, target, body });
    });
  };
}
