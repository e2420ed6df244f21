/**
 * Assembles the HTTP application on a started kernel: Fastify with request ids, OpenAI-style errors, metrics,
 * shutdown hooks, the OpenAPI document and the public routes. Does not listen; `startGateway` does.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kernel } from '@tollgate/core';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { type Logger, pino } from 'pino';
import { adminRoutes } from './admin/admin-routes.js';
import { SERVER_CONFIG_DEFAULTS } from './config/server-config.js';
import { installErrorHandlers } from './http/install-error-handlers.js';
import { newRequestId } from './http/request-id.js';
import { SANDBOX_HEADER } from './http/sandbox-header.js';
import { gatewaySwaggerOptions } from './http/swagger-options.js';
import { hubRoutes } from './hub/hub-routes.js';
import { createInferenceHandler, type InferenceEndpoint } from './inference/create-inference-handler.js';
import { serveChatCompletion } from './inference/serve-chat-completion.js';
import { GatewayLifecycle } from './lifecycle/gateway-lifecycle.js';
import { installShutdownHooks } from './lifecycle/install-shutdown-hooks.js';
import { createGatewayMetrics, type GatewayMetrics } from './metrics/gateway-metrics.js';
import { installHttpMetrics } from './metrics/install-http-metrics.js';
import { chatCompletionsRoute } from './routes/chat-completions-route.js';
import { healthRoutes } from './routes/health-routes.js';
import { inferenceProviderSettingsRoute } from './routes/inference-provider-settings-route.js';
import { metricsRoute } from './routes/metrics-route.js';
import { modelsRoute } from './routes/models-route.js';
import { openApiRoute } from './routes/openapi-route.js';
import { organizationRoutes } from './routes/organization-routes.js';
import { providerKeysRoute } from './routes/provider-keys-route.js';
import { taskApiRoutes } from './routes/task-api-routes.js';
import { usageRoute } from './routes/usage-route.js';

export { SANDBOX_HEADER } from './http/sandbox-header.js';

/** Fastify's own default, kept now that the gateway creates the server itself. */
const KEEP_ALIVE_TIMEOUT_MS = 72_000;

export interface BuildAppOptions {
  /** A kernel with its plugins registered; it must be started before the first request. */
  readonly kernel: Kernel;
  /** Default: no logging. */
  readonly logger?: Logger;
  /** Default: a fresh set (upstream series need the same set passed to the kernel as its observer). */
  readonly metrics?: GatewayMetrics;
  /** Default: a fresh lifecycle; pass one to drive shutdown from outside. */
  readonly lifecycle?: GatewayLifecycle;
  readonly bodyLimitBytes?: number;
  /** Marks every response with `x-tollgate-sandbox: simulated`. */
  readonly sandbox?: boolean;
  /** The version shown in the OpenAPI document. */
  readonly version?: string;
}

/**
 * @example
 * const kernel = createKernel({ store, plugins: [groq] });
 * await kernel.start();
 * const app = buildApp({ kernel });
 * const response = await app.inject({ method: 'GET', url: '/v1/models' });
 */
export function buildApp(options: BuildAppOptions): FastifyInstance {
  const { kernel, sandbox = false } = options;
  const metrics = options.metrics ?? createGatewayMetrics();
  const lifecycle = options.lifecycle ?? new GatewayLifecycle();
  const logger = options.logger ?? pino({ level: 'silent' });
  const bodyLimitBytes = options.bodyLimitBytes ?? SERVER_CONFIG_DEFAULTS.bodyLimitBytes;
  const endpoints = new Map<string, InferenceEndpoint>([
    ['/v1/chat/completions', { route: '/v1/chat/completions', serve: serveChatCompletion }],
  ]);
  const inference = createInferenceHandler({
    kernel,
    logger,
    metrics,
    lifecycle,
    bodyLimitBytes,
    sandbox,
    endpoints,
  });

  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger as FastifyBaseLogger } : {}),
    // Inference routes take the lean path; everything else goes to Fastify's router.
    serverFactory: (handler) => {
      const server = createServer((request: IncomingMessage, response: ServerResponse) => {
        if (!inference(request, response)) handler(request, response);
      });
      server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
      return server;
    },
    bodyLimit: bodyLimitBytes,
    genReqId: () => newRequestId(),
    requestIdHeader: false,
    // The shutdown hooks answer requests that arrive while draining, with an OpenAI-style body.
    return503OnClosing: false,
    // Bodies pass through to providers as sent: no type coercion, no stripping, no injected defaults.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Response schemas document the API; answers are provider data passed through, so they are not filtered by them.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    if (sandbox) reply.header(SANDBOX_HEADER, 'simulated');
    done();
  });
  installHttpMetrics(app, metrics);
  installShutdownHooks(app, lifecycle);
  installErrorHandlers(app);

  app.register(fastifySwagger, gatewaySwaggerOptions(options.version ?? '0.0.0'));
  app.register(chatCompletionsRoute, { kernel, logger });
  app.register(taskApiRoutes, { kernel });
  app.register(modelsRoute, { kernel, created: Math.floor(Date.now() / 1000) });
  app.register(inferenceProviderSettingsRoute, { kernel });
  app.register(providerKeysRoute, { kernel });
  app.register(hubRoutes, { kernel });
  app.register(healthRoutes, { kernel, lifecycle });
  app.register(metricsRoute, { metrics });
  app.register(openApiRoute);
  app.register(usageRoute, { kernel });
  app.register(organizationRoutes, { kernel });
  app.register(adminRoutes, { kernel });
  return app;
}
