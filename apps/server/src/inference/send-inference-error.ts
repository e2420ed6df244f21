/** Answers a failed inference request with the OpenAI-style body and headers the framework's handler would send. */
import { GatewayError, UpstreamApiError } from '@tollgate/provider-spec';
import type { Logger } from 'pino';
import { openAiErrorFor } from '../http/openai-error.js';
import type { InferenceExchange } from './inference-exchange.js';
import { sendJson } from './send-json.js';

/**
 * Logs the failure at the level it deserves (internal errors in full, provider failures as warnings, client
 * errors as info) and sends the body, unless the answer has already begun.
 *
 * @example
 * await serve(exchange).catch((error) => sendInferenceError(exchange, error, logger));
 */
export function sendInferenceError(exchange: InferenceExchange, error: unknown, logger: Logger): void {
  const { status, body, internal } = openAiErrorFor(error);
  const log = {
    requestId: exchange.requestId,
    ...(exchange.clientRequestId === undefined ? {} : { clientRequestId: exchange.clientRequestId }),
  };
  if (internal) logger.error({ ...log, err: error }, 'Request failed with an internal error');
  else if (status >= 500)
    logger.warn({ ...log, err: error, status }, `Request failed: ${body.error.message}`);
  else if (logger.isLevelEnabled('info'))
    logger.info({ ...log, status, code: body.error.code }, `Request rejected: ${body.error.message}`);
  const headers = exchange.headers;
  // Say which provider failed, as on successful routed responses.
  const providerId = (error as { providerId?: unknown } | null)?.providerId;
  if (typeof providerId === 'string' && GatewayError.isInstance(error))
    headers['x-inference-provider'] = providerId;
  // A provider's rate limit says when to come back; the client should hear it.
  if (UpstreamApiError.isInstance(error) && error.retryAfter && (status === 429 || status === 503)) {
    headers['retry-after'] = error.retryAfter;
  }
  sendJson(exchange.response, status, headers, JSON.stringify(body));
}
