/** The gateway's pino logger, with credentials redacted wherever they may appear in a log line. */
import { type DestinationStream, type Logger, pino } from 'pino';

/** Paths pino censors. Request logs carry headers only when a serializer adds them; they are covered anyway. */
export const REDACTED_LOG_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers.cookie',
  'apiKey',
  'token',
  '*.apiKey',
  '*.token',
  '*.*.apiKey',
  '*.*.token',
  // Users' own provider keys (PUT /api/settings/inference-providers/keys/{provider} takes `{ key }`).
  'req.body.key',
  'body.key',
  'providerKey',
  '*.providerKey',
];

export interface GatewayLoggerOptions {
  /** A pino level; default `info`. */
  readonly level?: string;
  /** Where lines go; default stdout. */
  readonly destination?: DestinationStream;
}

/**
 * @example
 * const logger = createGatewayLogger({ level: config.logLevel });
 * const gateway = await startGateway(config, { logger });
 */
export function createGatewayLogger({ level = 'info', destination }: GatewayLoggerOptions = {}): Logger {
  const options = {
    level,
    base: { service: 'tollgate' },
    redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
