/** Feeds the kernel's reports of upstream calls into the gateway's Prometheus metrics. */
import type { ExecutionObserver, UpstreamCallReport } from '@tollgate/core';
import type { GatewayMetrics } from './gateway-metrics.js';
import type { CounterChild, LabelledCounter } from './labelled-counter.js';
import type { HistogramChild } from './labelled-histogram.js';

/** The series one (provider, model, task, streaming) combination writes on every call, looked up once. */
interface CallSeries {
  readonly ok: CounterChild;
  readonly duration: HistogramChild;
  readonly firstChunk: HistogramChild;
  readonly inputTokens: CounterChild;
  readonly outputTokens: CounterChild;
}

/**
 * @example
 * const kernel = createKernel({ store, observer: prometheusExecutionObserver(metrics) });
 */
export function prometheusExecutionObserver(metrics: GatewayMetrics): ExecutionObserver {
  const cache = new Map<string, CallSeries>();
  const seriesFor = (provider: string, model: string, task: string, streaming: string): CallSeries => {
    const key = `${provider}\u0001${model}\u0001${task}\u0001${streaming}`;
    let series = cache.get(key);
    if (!series) {
      series = {
        ok: metrics.upstreamRequests.labels(provider, model, task, streaming, 'ok'),
        duration: metrics.upstreamDuration.labels(provider, model, streaming),
        firstChunk: metrics.upstreamTimeToFirstChunk.labels(provider, model),
        inputTokens: metrics.upstreamTokens.labels(provider, model, 'input'),
        outputTokens: metrics.upstreamTokens.labels(provider, model, 'output'),
      };
      cache.set(key, series);
    }
    return series;
  };
  const count = (counter: LabelledCounter<string>, ...values: string[]) => counter.labels(...values).inc();

  return {
    upstreamCallFinished(report: UpstreamCallReport): void {
      const provider = report.providerId;
      const model = report.hfModelId;
      const streaming = report.streaming ? 'true' : 'false';
      const series = seriesFor(provider, model, report.task, streaming);
      if (report.outcome === 'ok') series.ok.inc();
      else count(metrics.upstreamRequests, provider, model, report.task, streaming, report.outcome);
      series.duration.observe(report.durationMs / 1000);
      if (report.outcome === 'error') {
        count(metrics.upstreamErrors, provider, model, report.errorKind ?? 'unknown');
        if (report.failedOver)
          count(metrics.upstreamFailovers, provider, model, report.errorKind ?? 'unknown');
      }
      if (report.firstChunkMs !== undefined) series.firstChunk.observe(report.firstChunkMs / 1000);
      const { inputTokens, outputTokens } = report.usage ?? {};
      if (inputTokens) series.inputTokens.inc(inputTokens);
      if (outputTokens) series.outputTokens.inc(outputTokens);
    },
  };
}
