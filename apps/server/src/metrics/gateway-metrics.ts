/**
 * The gateway's Prometheus metrics, on a registry of its own (never prom-client's global one), so that several
 * gateways can run in one process without their series colliding. Request series use the gateway's own cheap
 * counters and histograms (see `labelled-series.ts`); process metrics are prom-client's.
 */
import { collectDefaultMetrics, Registry } from 'prom-client';
import { LabelledCounter } from './labelled-counter.js';
import { LabelledHistogram } from './labelled-histogram.js';

export interface GatewayMetrics {
  readonly registry: Registry;
  readonly httpRequests: LabelledCounter<'method' | 'route' | 'status'>;
  readonly httpRequestDuration: LabelledHistogram<'method' | 'route' | 'status'>;
  readonly upstreamRequests: LabelledCounter<'provider' | 'model' | 'task' | 'streaming' | 'outcome'>;
  readonly upstreamErrors: LabelledCounter<'provider' | 'model' | 'kind'>;
  readonly upstreamFailovers: LabelledCounter<'provider' | 'model' | 'kind'>;
  readonly upstreamDuration: LabelledHistogram<'provider' | 'model' | 'streaming'>;
  readonly upstreamTimeToFirstChunk: LabelledHistogram<'provider' | 'model'>;
  readonly upstreamTokens: LabelledCounter<'provider' | 'model' | 'direction'>;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

/**
 * @example
 * const metrics = createGatewayMetrics();
 * const text = await metrics.registry.metrics();
 */
export function createGatewayMetrics({
  processMetrics = true,
}: {
  processMetrics?: boolean;
} = {}): GatewayMetrics {
  const registry = new Registry();
  if (processMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new LabelledCounter({
      name: 'tollgate_http_requests_total',
      help: 'HTTP requests answered, by route pattern, method and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    httpRequestDuration: new LabelledHistogram({
      name: 'tollgate_http_request_duration_seconds',
      help: 'Time from receiving a request until its response ended (whole stream included).',
      labelNames: ['method', 'route', 'status'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    upstreamRequests: new LabelledCounter({
      name: 'tollgate_upstream_requests_total',
      help: 'Calls to providers, by provider, Hugging Face model, task, streaming and outcome.',
      labelNames: ['provider', 'model', 'task', 'streaming', 'outcome'],
      registers,
    }),
    upstreamErrors: new LabelledCounter({
      name: 'tollgate_upstream_errors_total',
      help: 'Failed calls to providers, by kind (http, timeout, connection, output, stream, ...).',
      labelNames: ['provider', 'model', 'kind'],
      registers,
    }),
    upstreamFailovers: new LabelledCounter({
      name: 'tollgate_upstream_failovers_total',
      help: 'Failed provider calls after which the request moved on to the next provider, by the provider that failed.',
      labelNames: ['provider', 'model', 'kind'],
      registers,
    }),
    upstreamDuration: new LabelledHistogram({
      name: 'tollgate_upstream_request_duration_seconds',
      help: 'Duration of calls to providers, until the answer or the end of the stream.',
      labelNames: ['provider', 'model', 'streaming'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    upstreamTimeToFirstChunk: new LabelledHistogram({
      name: 'tollgate_upstream_time_to_first_chunk_seconds',
      help: 'Time from calling a provider until its first streamed chunk.',
      labelNames: ['provider', 'model'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    upstreamTokens: new LabelledCounter({
      name: 'tollgate_upstream_tokens_total',
      help: 'Tokens metered from provider answers, by direction (input or output).',
      labelNames: ['provider', 'model', 'direction'],
      registers,
    }),
  };
}
