/** `tollgate serve`: loads the configuration, starts the gateway and keeps it running until a signal stops it. */
import {
  createGatewayLogger,
  installSignalHandlers,
  loadServerConfig,
  type RunningGateway,
  SANDBOX_BANNER,
  type SignalHandlerOptions,
  startGateway,
} from '@tollgate/server';
import { type Command, InvalidArgumentError } from 'commander';
import type { CliContext } from '../cli-context.js';
import { configOption, databaseUrlOption, dataDirOption } from '../common-options.js';

/** How a host embedding the CLI (or a test) gets hold of the gateway `serve` starts. */
export interface ServeHooks {
  /** Called once the gateway listens, e.g. to close it later. */
  readonly onGatewayStarted?: (gateway: RunningGateway) => void;
  /** Where SIGTERM/SIGINT come from and how the process exits after a graceful close; default: the real process. */
  readonly signals?: SignalHandlerOptions;
}

interface ServeOptions {
  readonly port?: number;
  readonly host?: string;
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  readonly config?: string;
  readonly root?: string;
  readonly sandbox?: boolean;
}

function portNumber(value: string): number {
  const port = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(port) || port > 65_535)
    throw new InvalidArgumentError('expected a port from 0 to 65535');
  return port;
}

function describeGateway(gateway: RunningGateway, dataDir: string, sandbox: boolean): string {
  // The store's own description: where it is, never the database password.
  const store = gateway.kernel.store.description;
  const { loaded, skipped } = gateway.discovery;
  const providers = loaded.map(({ plugin }) => plugin.id).join(', ') || 'none';
  const skippedNote = skipped.length > 0 ? ` (${skipped.length} skipped: see \`tollgate plugins list\`)` : '';
  return [
    ...(sandbox ? [SANDBOX_BANNER] : []),
    `Tollgate listening on ${gateway.url}`,
    `  OpenAI base URL: ${gateway.url}/v1`,
    `  data directory:  ${dataDir}`,
    `  store:           ${store}`,
    `  providers:       ${providers}${skippedNote}`,
    '',
  ].join('\n');
}

/** Adds `serve` to the program. */
export function registerServeCommand(program: Command, context: CliContext, hooks: ServeHooks): void {
  program
    .command('serve')
    .description('start the gateway')
    .option(
      '--port <n>',
      'the port to listen on, 0 for any free port (default: $TOLLGATE_PORT, else 8080)',
      portNumber,
    )
    .option('--host <host>', 'the interface to listen on (default: $TOLLGATE_HOST, else 127.0.0.1)')
    .addOption(dataDirOption())
    .addOption(databaseUrlOption())
    .addOption(configOption())
    .option(
      '--root <dir>',
      "the deployment root whose package.json lists plugins (default: $TOLLGATE_ROOT, else the server's)",
    )
    .option(
      '--sandbox',
      'answer from simulated providers: no provider keys needed, nothing leaves the machine',
    )
    .action(async (options: ServeOptions) => {
      const config = await loadServerConfig({ options, env: context.env, cwd: context.cwd });
      // Logs go where the listening line goes, so that a service manager captures both.
      const logger = createGatewayLogger({ level: config.logLevel, destination: context.stdout });
      const gateway = await startGateway(config, { logger, env: { ...context.env } });
      installSignalHandlers(gateway, logger, hooks.signals);
      context.stdout.write(describeGateway(gateway, config.dataDir, config.sandbox));
      hooks.onGatewayStarted?.(gateway);
    });
}
