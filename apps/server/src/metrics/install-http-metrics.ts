/** Counts and times every HTTP response, streams included, by route pattern (not raw URL, to bound cardinality). */
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import type { GatewayMetrics } from './gateway-metrics.js';
import { recordHttpResponse } from './record-http-response.js';

/** Requests that match no route share one label value. */
export const UNMATCHED_ROUTE_LABEL = 'unmatched';

/**
 * @example installHttpMetrics(app, metrics);
 */
export function installHttpMetrics(app: FastifyInstance, metrics: GatewayMetrics): void {
  app.addHook('onRequest', (request, reply, done) => {
    const startedAt = performance.now();
    reply.raw.once('close', () =>
      recordHttpResponse(
        metrics,
        request.method,
        request.routeOptions.url ?? UNMATCHED_ROUTE_LABEL,
        reply.raw,
        startedAt,
      ),
    );
    done();
  });
}
