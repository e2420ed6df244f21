/** Counts and times one finished HTTP response; shared by the framework's hook and the lean inference path. */
import type { ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { GatewayMetrics } from './gateway-metrics.js';

/**
 * Call from the response's `close` event. A response that closed before it was fully written was cut short by
 * the client, and is counted with status 499 (nginx's convention).
 *
 * @example
 * const startedAt = performance.now();
 * response.once('close', () => recordHttpResponse(metrics, 'POST', '/v1/chat/completions', response, startedAt));
 */
export function recordHttpResponse(
  metrics: GatewayMetrics,
  method: string,
  route: string,
  response: ServerResponse,
  startedAt: number,
): void {
  const status = response.writableFinished ? String(response.statusCode) : '499';
  metrics.httpRequests.labels(method, route, status).inc();
  metrics.httpRequestDuration.labels(method, route, status).observe((performance.now() - startedAt) / 1000);
}
