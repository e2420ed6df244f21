/** Which client headers reach a native route's plugin. */
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Never sent upstream: the client's credentials, the organization it bills (`X-HF-Bill-To`), and what describes the
 * client's own connection and body.
 */
const WITHHELD_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-api-key',
  'api-key',
  'x-goog-api-key',
  'x-key',
  // Who pays is the gateway's business, not the provider's.
  'x-hf-bill-to',
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'te',
  'upgrade',
  'expect',
]);

/**
 * The client's headers a native route's plugin may see: the client's credentials and what describes its own
 * connection are withheld, whatever the plugin forwards.
 *
 * @example forwardableHeaders(request.headers)['prefer'];
 */
export function forwardableHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || WITHHELD_HEADERS.has(name)) continue;
    kept[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return kept;
}
