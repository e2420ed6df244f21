/**
 * Starts a gateway: discovers plugins, opens the store (PostgreSQL at `databaseUrl`, else SQLite in the data dir),
 * (in sandbox mode) starts the provider simulator, builds and starts the kernel, and listens. Returns a handle whose
 * `close()` shuts everything down gracefully.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  createKernel,
  discoverPlugins,
  type Kernel,
  type KernelOptions,
  type PluginDiscoveryReport,
  type Store,
} from '@tollgate/core';
import type { ProviderPluginV1 } from '@tollgate/provider-spec';
import type { ProviderSimulator } from '@tollgate/provider-test-kit';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './build-app.js';
import type { ServerConfig } from './config/server-config.js';
import { closeGracefully } from './lifecycle/close-gracefully.js';
import { GatewayLifecycle } from './lifecycle/gateway-lifecycle.js';
import { createGatewayLogger } from './logging/create-gateway-logger.js';
import { logPluginDiscovery, logProviderAvailability } from './logging/log-plugin-discovery.js';
import { createGatewayMetrics } from './metrics/gateway-metrics.js';
import { prometheusExecutionObserver } from './metrics/prometheus-execution-observer.js';
import { prepareSandbox, SANDBOX_BANNER } from './sandbox/prepare-sandbox.js';
import { SERVER_PACKAGE_ROOT } from './server-package-root.js';
import { openGatewayStore } from './store/open-gateway-store.js';

export interface RunningGateway {
  /** `http://host:port`, with the port actually bound. */
  readonly url: string;
  readonly kernel: Kernel;
  readonly discovery: PluginDiscoveryReport;
  /** The in-process provider simulator, in sandbox mode. */
  readonly sandbox: ProviderSimulator | undefined;
  /** The Fastify application, for embedding hosts and tests. */
  readonly app: FastifyInstance;
  /**
   * Graceful: stops accepting connections at once, lets in-flight requests and streams finish within
   * `shutdownGraceMs`, then cuts the rest and closes the store. Idempotent.
   */
  close(): Promise<void>;
}

export interface StartGatewayOptions {
  /**
   * Default: a redacting pino logger at `config.logLevel` on stdout. Bring one made by `createGatewayLogger`
   * to keep credentials out of the log.
   */
  readonly logger?: Logger;
  /** Where provider keys and base-URL overrides are read from; default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Embedding hosts: register these plugins instead of discovering them from `config.root`. */
  readonly plugins?: readonly ProviderPluginV1[];
  /** Embedding hosts (and tests): replace kernel services, as `KernelOptions.configure` does. */
  readonly configure?: KernelOptions['configure'];
}

function serverVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(SERVER_PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    version?: string;
  };
  return manifest.version ?? '0.0.0';
}

function embeddedReport(root: string, plugins: readonly ProviderPluginV1[]): PluginDiscoveryReport {
  return {
    root,
    loaded: plugins.map((plugin) => ({ packageName: 'embedded', packageVersion: plugin.version, plugin })),
    skipped: [],
  };
}

function urlOf(app: FastifyInstance, host: string): string {
  const { port } = app.server.address() as AddressInfo;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Runs clean-up steps in reverse order of acquisition; every step runs even when one fails. */
async function release(steps: readonly (() => Promise<void>)[], logger: Logger): Promise<void> {
  for (const step of [...steps].reverse()) {
    try {
      await step();
    } catch (error) {
      logger.error({ err: error }, 'Error while releasing a gateway resource');
    }
  }
}

/**
 * @example
 * const gateway = await startGateway(await loadServerConfig({}));
 * console.log(`Listening on ${gateway.url}`);
 * await gateway.close();
 */
export async function startGateway(
  config: ServerConfig,
  options: StartGatewayOptions = {},
): Promise<RunningGateway> {
  const logger = options.logger ?? createGatewayLogger({ level: config.logLevel });
  const discovery = options.plugins
    ? embeddedReport(config.root, options.plugins)
    : await discoverPlugins({ root: config.root });
  logPluginDiscovery(logger, discovery);

  const cleanups: (() => Promise<void>)[] = [];
  let app: FastifyInstance | undefined;
  try {
    const store: Store = openGatewayStore(config);
    cleanups.push(() => store.close());
    await store.migrate();

    let env = options.env ?? process.env;
    let providers = config.providers;
    let simulator: ProviderSimulator | undefined;
    if (config.sandbox) {
      const sandbox = await prepareSandbox({
        plugins: discovery.loaded.map(({ plugin }) => plugin),
        env,
        providers,
      });
      simulator = sandbox.simulator;
      cleanups.push(() => sandbox.simulator.close());
      env = sandbox.env;
      providers = sandbox.providers;
      logger.warn(
        { sandbox: true, simulator: simulator.url, simulated: sandbox.simulated, disabled: sandbox.disabled },
        SANDBOX_BANNER,
      );
    }

    const metrics = createGatewayMetrics();
    const kernel = createKernel({
      store,
      providers,
      env,
      logger: logger.child({ component: 'kernel' }),
      observer: prometheusExecutionObserver(metrics),
      // Provider-returned URLs (queue polling, media) are fetched only when public; in a sandbox they point at
      // the in-process simulator on loopback, which is allowed by name and nothing else is.
      upstream: simulator
        ? { ...config.upstream, urlPolicy: { allowedOrigins: [simulator.url] } }
        : config.upstream,
      ...(config.routing ? { routing: config.routing } : {}),
      ...(config.performance ? { performance: config.performance } : {}),
      ...(config.billing ? { billing: config.billing } : {}),
      ...(options.configure ? { configure: options.configure } : {}),
    });
    cleanups.push(() => kernel.dispose());
    for (const { plugin, packageName } of discovery.loaded) kernel.registry.add(plugin, packageName);
    await kernel.start();
    logProviderAvailability(logger, kernel.providerSettings());

    const lifecycle = new GatewayLifecycle();
    app = buildApp({
      kernel,
      logger,
      metrics,
      lifecycle,
      bodyLimitBytes: config.bodyLimitBytes,
      sandbox: config.sandbox,
      version: serverVersion(),
    });
    await app.listen({ host: config.host, port: config.port });
    const listening = app;
    const url = urlOf(listening, config.host);
    logger.info(
      { url, dataDir: config.dataDir, store: store.description, providers: kernel.registry.list().length },
      `Tollgate is serving at ${url}`,
    );

    let closing: Promise<void> | undefined;
    const close = (): Promise<void> => {
      closing ??= (async () => {
        logger.info({ graceMs: config.shutdownGraceMs }, 'Tollgate is shutting down');
        try {
          await closeGracefully({ app: listening, lifecycle, graceMs: config.shutdownGraceMs });
        } finally {
          await release(cleanups, logger);
        }
        logger.info('Tollgate stopped');
      })();
      return closing;
    };
    return { url, kernel, discovery, sandbox: simulator, app: listening, close };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await release(cleanups, logger);
    throw error;
  }
}
