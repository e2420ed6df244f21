/** The compute-time headers hf-inference's inference server sets on every answer. */
import type { HfSimulatedModel } from './hf-inference-catalog.js';

/** Whole milliseconds as decimal seconds with three places, as the server writes them (`"{:.3f}"`). */
function seconds(milliseconds: number): string {
  const whole = Math.max(0, Math.round(milliseconds));
  return `${Math.floor(whole / 1000)}.${String(whole % 1000).padStart(3, '0')}`;
}

/**
 * `x-compute-time` (seconds), `x-compute-type` (the model's hardware), the CORS header that exposes them, and
 * the pipeline's per-input metric.
 *
 * @example
 * computeHeaders(miniLm, 12, { 'x-compute-characters': '11' });
 * // { 'x-compute-time': '0.012', 'x-compute-type': 'cpu', 'access-control-expose-headers': 'x-compute-type, x-compute-time', 'x-compute-characters': '11' }
 */
export function computeHeaders(
  model: HfSimulatedModel,
  computeMs: number,
  metrics: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return {
    'x-compute-time': seconds(computeMs),
    'x-compute-type': model.hardware,
    'access-control-expose-headers': 'x-compute-type, x-compute-time',
    ...metrics,
  };
}
