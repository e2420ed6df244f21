/** A Prometheus histogram with cheap observations, exposed through a prom-client registry. */

import type { LabelledMetricOptions } from './labelled-counter.js';
import { LabelledSeries } from './labelled-series.js';

export interface HistogramChild {
  observe(value: number): void;
}

interface HistogramRecord {
  /** Observations per bucket (not cumulative); the last slot is above the highest bound. */
  readonly counts: number[];
  sum: number;
  count: number;
}

/**
 * @example
 * const duration = new LabelledHistogram({ name: 'x_seconds', help: '...', labelNames: ['route'], buckets: [0.1, 1], registers: [registry] });
 * duration.labels('/v1/models').observe(0.05);
 */
export class LabelledHistogram<Label extends string> {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly name: string;
  readonly help: string;
  private readonly bounds: readonly number[];
  private readonly series: LabelledSeries<HistogramRecord>;

  constructor(options: LabelledMetricOptions<Label> & { readonly buckets: readonly number[] }) {
    this.name = options.name;
    this.help = options.help;
    this.bounds = [...options.buckets].sort((a, b) => a - b);
    const slots = this.bounds.length + 1;
    this.series = new LabelledSeries(options.labelNames, () => ({
      counts: new Array<number>(slots).fill(0),
      sum: 0,
      count: 0,
    }));
    for (const registry of options.registers) registry.registerMetric(this as never);
  }

  /** The child for these label values, in `labelNames` order; keep it to skip the lookup next time. */
  labels(...values: string[]): HistogramChild {
    const record = this.series.get(values);
    const bounds = this.bounds;
    return {
      observe(value: number) {
        if (!Number.isFinite(value)) throw new RangeError(`Cannot observe ${value}`);
        let slot = 0;
        while (slot < bounds.length && value > bounds[slot]!) slot += 1;
        record.counts[slot]! += 1;
        record.sum += value;
        record.count += 1;
      },
    };
  }

  /** @example histogram.observe({ route: '/v1/models' }, 0.05); */
  observe(labels: Readonly<Record<Label, string>>, value: number): void {
    this.labels(...this.series.labelNames.map((name) => labels[name as Label])).observe(value);
  }

  /** The shape prom-client's registry formats: cumulative `_bucket` series, then `_sum` and `_count`. */
  get() {
    const values: { labels: Record<string, string | number>; value: number; metricName: string }[] = [];
    for (const { labels, record } of this.series.entries()) {
      let cumulative = 0;
      this.bounds.forEach((bound, index) => {
        cumulative += record.counts[index]!;
        values.push({
          labels: { le: bound, ...labels },
          value: cumulative,
          metricName: `${this.name}_bucket`,
        });
      });
      values.push({
        labels: { le: '+Inf', ...labels },
        value: record.count,
        metricName: `${this.name}_bucket`,
      });
      values.push({ labels, value: record.sum, metricName: `${this.name}_sum` });
      values.push({ labels, value: record.count, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    this.series.clear();
  }
}
