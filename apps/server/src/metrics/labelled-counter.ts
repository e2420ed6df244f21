/** A Prometheus counter with cheap increments, exposed through a prom-client registry. */
import type { Registry } from 'prom-client';
import { LabelledSeries } from './labelled-series.js';

export interface CounterChild {
  inc(value?: number): void;
}

export interface LabelledMetricOptions<Label extends string> {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly Label[];
  readonly registers: readonly Registry[];
}

/**
 * @example
 * const requests = new LabelledCounter({ name: 'x_total', help: '...', labelNames: ['route'], registers: [registry] });
 * requests.labels('/v1/models').inc();
 */
export class LabelledCounter<Label extends string> {
  readonly type = 'counter';
  readonly aggregator = 'sum';
  readonly name: string;
  readonly help: string;
  private readonly series: LabelledSeries<{ value: number }>;

  constructor(options: LabelledMetricOptions<Label>) {
    this.name = options.name;
    this.help = options.help;
    this.series = new LabelledSeries(options.labelNames, () => ({ value: 0 }));
    for (const registry of options.registers) registry.registerMetric(this as never);
  }

  /** The child for these label values, in `labelNames` order; keep it to skip the lookup next time. */
  labels(...values: string[]): CounterChild {
    const record = this.series.get(values);
    return {
      inc(value = 1) {
        if (!(value >= 0) || !Number.isFinite(value))
          throw new RangeError(`A counter cannot grow by ${value}`);
        record.value += value;
      },
    };
  }

  /** @example counter.inc({ route: '/v1/models' }); */
  inc(labels: Readonly<Record<Label, string>>, value = 1): void {
    this.labels(...this.series.labelNames.map((name) => labels[name as Label])).inc(value);
  }

  /** The shape prom-client's registry formats. */
  get() {
    const values = [...this.series.entries()].map(({ labels, record }) => ({ labels, value: record.value }));
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    this.series.clear();
  }
}
