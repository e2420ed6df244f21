/** @tollgate/server: the Tollgate HTTP server (Fastify), for the CLI and for hosts that embed a gateway. */
export { type BuildAppOptions, buildApp, SANDBOX_HEADER } from './build-app.js';
export { LOG_LEVELS } from './config/config-file-schema.js';
export {
  type LoadServerConfigArgs,
  loadServerConfig,
  type ServerConfigOptions,
} from './config/load-server-config.js';
export { SERVER_CONFIG_DEFAULTS, type ServerConfig, type UpstreamTimeouts } from './config/server-config.js';
export { ServerConfigError } from './config/server-config-error.js';
export { type OpenAiErrorBody, openAiErrorFor } from './http/openai-error.js';
export { GatewayLifecycle } from './lifecycle/gateway-lifecycle.js';
export {
  installSignalHandlers,
  type SignalHandlerOptions,
  type SignalSource,
} from './lifecycle/install-signal-handlers.js';
export { createGatewayLogger, type GatewayLoggerOptions } from './logging/create-gateway-logger.js';
export { createGatewayMetrics, type GatewayMetrics } from './metrics/gateway-metrics.js';
export { prometheusExecutionObserver } from './metrics/prometheus-execution-observer.js';
export { SANDBOX_BANNER } from './sandbox/prepare-sandbox.js';
export { type RunningGateway, type StartGatewayOptions, startGateway } from './start-gateway.js';
export { type GatewayStoreLocation, openGatewayStore } from './store/open-gateway-store.js';
