/** Reads the `[{label, score}]` list that hf-inference's classifiers answer with. */
import type { ClassificationOutputV1 } from '@tollgate/provider-spec';
import { isRecord } from './is-record.js';
import { unusableOutput } from './unusable-output.js';

function isClassification(value: unknown): value is { label: string; score: number } {
  return isRecord(value) && typeof value.label === 'string' && typeof value.score === 'number';
}

/**
 * The classes in the provider's order (most probable first), each as `{label, score}` only. The
 * text-classification pipeline wraps the list of a single text in another list (`[[{label, score}, ...]]`);
 * that one level is unwrapped.
 *
 * @example
 * parseClassificationOutput([[{ label: 'POSITIVE', score: 0.9998 }]], 'text-classification');
 * // [{ label: 'POSITIVE', score: 0.9998 }]
 */
export function parseClassificationOutput(body: unknown, task: string): ClassificationOutputV1 {
  const list = Array.isArray(body) && body.length === 1 && Array.isArray(body[0]) ? body[0] : body;
  if (!Array.isArray(list) || !list.every(isClassification)) {
    throw unusableOutput(task, 'expected a list of {label, score}');
  }
  return list.map(({ label, score }) => ({ label, score }));
}
