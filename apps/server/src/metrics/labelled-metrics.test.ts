import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { LabelledCounter } from './labelled-counter.js';
import { LabelledHistogram } from './labelled-histogram.js';

const BUCKETS = [0.01, 0.1, 1];
const OBSERVATIONS: readonly [string, string, number][] = [
  ['GET', '/v1/models', 0.005],
  ['GET', '/v1/models', 0.01],
  ['POST', '/v1/chat/completions', 0.5],
  ['POST', '/v1/chat/completions', 3],
  ['GET', '/v1/models', 0.2],
];

/** prom-client's own metrics, fed the same data, are the reference for the exposition format. */
async function reference(): Promise<string> {
  const registry = new Registry();
  const registers = [registry];
  const counter = new Counter({
    name: 't_requests_total',
    help: 'Requests.',
    labelNames: ['method', 'route'],
    registers,
  });
  const histogram = new Histogram({
    name: 't_duration_seconds',
    help: 'Duration.',
    labelNames: ['method', 'route'],
    buckets: BUCKETS,
    registers,
  });
  for (const [method, route, seconds] of OBSERVATIONS) {
    counter.inc({ method, route });
    histogram.observe({ method, route }, seconds);
  }
  counter.inc({ method: 'GET', route: '/v1/models' }, 4);
  return registry.metrics();
}

describe('labelled counters and histograms', () => {
  it('expose exactly what prom-client would for the same observations', async () => {
    const registry = new Registry();
    const registers = [registry];
    const counter = new LabelledCounter({
      name: 't_requests_total',
      help: 'Requests.',
      labelNames: ['method', 'route'],
      registers,
    });
    const histogram = new LabelledHistogram({
      name: 't_duration_seconds',
      help: 'Duration.',
      labelNames: ['method', 'route'],
      buckets: BUCKETS,
      registers,
    });
    for (const [method, route, seconds] of OBSERVATIONS) {
      counter.labels(method, route).inc();
      histogram.observe({ method, route }, seconds);
    }
    counter.inc({ method: 'GET', route: '/v1/models' }, 4);
    expect(await registry.metrics()).toBe(await reference());
  });

  it('keeps a child bound to its series', async () => {
    const registry = new Registry();
    const counter = new LabelledCounter({
      name: 'c_total',
      help: 'C.',
      labelNames: ['kind'],
      registers: [registry],
    });
    const child = counter.labels('a');
    child.inc();
    child.inc(2);
    counter.labels('b').inc();
    expect(await registry.metrics()).toContain('c_total{kind="a"} 3');
    expect(await registry.metrics()).toContain('c_total{kind="b"} 1');
  });

  it('refuses a negative increment, a non-finite observation and a wrong number of labels', () => {
    const registry = new Registry();
    const counter = new LabelledCounter({
      name: 'c_total',
      help: 'C.',
      labelNames: ['kind'],
      registers: [registry],
    });
    const histogram = new LabelledHistogram({
      name: 'h',
      help: 'H.',
      labelNames: ['kind'],
      buckets: [1],
      registers: [registry],
    });
    expect(() => counter.labels('a').inc(-1)).toThrow(RangeError);
    expect(() => histogram.labels('a').observe(Number.NaN)).toThrow(RangeError);
    expect(() => counter.labels('a', 'b')).toThrow(TypeError);
  });

  it('forgets every series on reset', async () => {
    const registry = new Registry();
    const counter = new LabelledCounter({
      name: 'c_total',
      help: 'C.',
      labelNames: ['kind'],
      registers: [registry],
    });
    counter.labels('a').inc();
    registry.resetMetrics();
    expect(await registry.metrics()).not.toContain('kind="a"');
  });
});
