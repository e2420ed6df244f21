/**
 * Builds the `ServerConfig` a gateway runs with. Precedence, per setting: CLI option > environment > config
 * file > default. The config file comes from `--config` / `TOLLGATE_CONFIG`, else `<dataDir>/tollgate.config.json`
 * when that file exists. Relative paths are resolved against the working directory, or, inside a config file,
 * against the file's own directory.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseCostFactor } from '@tollgate/core';
import { SERVER_PACKAGE_ROOT } from '../server-package-root.js';
import { checkDatabaseUrl } from './check-database-url.js';
import { type ConfigFile, LOG_LEVELS } from './config-file-schema.js';
import { environmentValue, parseBooleanVariable, parseIntegerVariable } from './environment-values.js';
import { readConfigFile } from './read-config-file.js';
import { SERVER_CONFIG_DEFAULTS, type ServerConfig } from './server-config.js';
import { ServerConfigError } from './server-config-error.js';

/** The flags the CLI passes through (`tollgate serve --port ...`). */
export interface ServerConfigOptions {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** A `postgres://` URL; see `ServerConfig#databaseUrl`. */
  readonly databaseUrl: string;
  /** Path of the JSON config file. */
  readonly config: string;
  readonly sandbox: boolean;
  readonly root: string;
}

export interface LoadServerConfigArgs {
  readonly options?: Partial<ServerConfigOptions>;
  /** Defaults to `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Defaults to `process.cwd()`. */
  readonly cwd?: string;
}

function checkPortOption(port: number | undefined): number | undefined {
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_535)) {
    throw new ServerConfigError({
      message: `--port must be an integer from 0 to 65535, got ${port}.`,
      field: '--port',
    });
  }
  return port;
}

function checkEstimatedCostFactor(factor: string | undefined, file: string | undefined): void {
  if (factor === undefined) return;
  try {
    parseCostFactor(factor);
  } catch (error) {
    throw new ServerConfigError({
      message: (error as Error).message,
      field: 'billing.estimatedCostFactor',
      ...(file === undefined ? {} : { file }),
      cause: error,
    });
  }
}

function logLevelFrom(env: NodeJS.ProcessEnv): string | undefined {
  const level = environmentValue(env, 'TOLLGATE_LOG_LEVEL');
  if (level !== undefined && !(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ServerConfigError({
      message: `TOLLGATE_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(level)}.`,
      field: 'TOLLGATE_LOG_LEVEL',
    });
  }
  return level;
}

async function findConfigFile(
  explicit: string | undefined,
  dataDirBeforeFile: string,
  cwd: string,
): Promise<{ file: string; content: ConfigFile } | undefined> {
  if (explicit !== undefined) {
    const file = path.resolve(cwd, explicit);
    return { file, content: await readConfigFile(file) };
  }
  const file = path.join(dataDirBeforeFile, SERVER_CONFIG_DEFAULTS.configFileName);
  return existsSync(file) ? { file, content: await readConfigFile(file) } : undefined;
}

/**
 * @example
 * const config = await loadServerConfig({ options: { port: 9000 }, env: process.env });
 * const gateway = await startGateway(config);
 */
export async function loadServerConfig({
  options = {},
  env = process.env,
  cwd = process.cwd(),
}: LoadServerConfigArgs = {}): Promise<ServerConfig> {
  const fromCwd = (value: string | undefined) => (value === undefined ? undefined : path.resolve(cwd, value));
  const dataDirOverride = fromCwd(options.dataDir ?? environmentValue(env, 'TOLLGATE_DATA_DIR'));
  const defaultDataDir = path.resolve(cwd, SERVER_CONFIG_DEFAULTS.dataDirName);

  const found = await findConfigFile(
    options.config ?? environmentValue(env, 'TOLLGATE_CONFIG'),
    dataDirOverride ?? defaultDataDir,
    cwd,
  );
  const file: ConfigFile = found?.content ?? {};
  const fromFile = (value: string | undefined) =>
    value === undefined || found === undefined ? undefined : path.resolve(path.dirname(found.file), value);

  const port =
    checkPortOption(options.port) ??
    parseIntegerVariable('TOLLGATE_PORT', environmentValue(env, 'TOLLGATE_PORT'), { min: 0, max: 65_535 }) ??
    file.port ??
    SERVER_CONFIG_DEFAULTS.port;
  const shutdownGraceMs =
    parseIntegerVariable('TOLLGATE_SHUTDOWN_GRACE_MS', environmentValue(env, 'TOLLGATE_SHUTDOWN_GRACE_MS'), {
      min: 0,
      max: 3_600_000,
    }) ??
    file.shutdownGraceMs ??
    SERVER_CONFIG_DEFAULTS.shutdownGraceMs;
  const bodyLimitBytes =
    parseIntegerVariable('TOLLGATE_BODY_LIMIT_BYTES', environmentValue(env, 'TOLLGATE_BODY_LIMIT_BYTES'), {
      min: 1,
      max: Number.MAX_SAFE_INTEGER,
    }) ??
    file.bodyLimitBytes ??
    SERVER_CONFIG_DEFAULTS.bodyLimitBytes;

  const databaseUrl =
    checkDatabaseUrl(options.databaseUrl, '--database-url') ??
    checkDatabaseUrl(environmentValue(env, 'TOLLGATE_DATABASE_URL'), 'TOLLGATE_DATABASE_URL');

  const billingEnabled =
    parseBooleanVariable('TOLLGATE_BILLING', environmentValue(env, 'TOLLGATE_BILLING')) ??
    file.billing?.enabled;
  const billing = { ...file.billing, ...(billingEnabled === undefined ? {} : { enabled: billingEnabled }) };
  checkEstimatedCostFactor(billing.estimatedCostFactor, found?.file);

  return {
    host: options.host ?? environmentValue(env, 'TOLLGATE_HOST') ?? file.host ?? SERVER_CONFIG_DEFAULTS.host,
    port,
    dataDir: dataDirOverride ?? fromFile(file.dataDir) ?? defaultDataDir,
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    root:
      fromCwd(options.root ?? environmentValue(env, 'TOLLGATE_ROOT')) ??
      fromFile(file.root) ??
      SERVER_PACKAGE_ROOT,
    sandbox:
      options.sandbox ??
      parseBooleanVariable('TOLLGATE_SANDBOX', environmentValue(env, 'TOLLGATE_SANDBOX')) ??
      file.sandbox ??
      false,
    providers: file.providers ?? {},
    bodyLimitBytes,
    shutdownGraceMs,
    logLevel: logLevelFrom(env) ?? file.logLevel ?? SERVER_CONFIG_DEFAULTS.logLevel,
    upstream: {
      headersTimeoutMs: file.upstream?.headersTimeoutMs ?? SERVER_CONFIG_DEFAULTS.upstream.headersTimeoutMs,
      bodyTimeoutMs: file.upstream?.bodyTimeoutMs ?? SERVER_CONFIG_DEFAULTS.upstream.bodyTimeoutMs,
    },
    ...(file.routing ? { routing: file.routing } : {}),
    // A gateway probes its providers unless the operator turns it off, as Hugging Face's router does.
    performance: { ...file.performance, prober: { enabled: true, ...file.performance?.prober } },
    ...(Object.keys(billing).length > 0 ? { billing } : {}),
  };
}
