/** Reads the compute time hf-inference reports in its response headers, which is what Hugging Face bills it by. */
import type { UsageV1 } from '@tollgate/provider-spec';

const SECONDS = /^(\d+)(?:\.(\d+))?$/;
const WHOLE_MILLISECONDS = /^\d+$/;

/** Decimal seconds (`"0.111191439"`) to whole milliseconds, any remainder rounded up; undefined if not a number. */
function secondsToMilliseconds(value: string): number | undefined {
  const match = SECONDS.exec(value.trim());
  if (match === null) return undefined;
  const fraction = match[2] ?? '';
  const milliseconds = Number(match[1]) * 1000 + Number(fraction.slice(0, 3).padEnd(3, '0'));
  // A partial millisecond is still compute HF bills, so it counts as a whole one (never under the provider).
  return /[1-9]/.test(fraction.slice(3)) ? milliseconds + 1 : milliseconds;
}

/**
 * `{ computeMilliseconds }` from `x-compute-time` (decimal seconds: the inference server writes
 * `"{:.3f}"`, TGI nine decimals), else from TGI's `x-inference-time` (whole milliseconds); `{}` when neither
 * header is there or parses, so an unreported call is never guessed at.
 *
 * @example
 * readComputeUsage({ 'x-compute-time': '0.111191439', 'x-compute-type': 'cpu' }); // { computeMilliseconds: 112 }
 * readComputeUsage({ 'x-inference-time': '110' }); // { computeMilliseconds: 110 }
 */
export function readComputeUsage(headers: Readonly<Record<string, string>>): UsageV1 {
  const computeTime = headers['x-compute-time'];
  const fromComputeTime = computeTime === undefined ? undefined : secondsToMilliseconds(computeTime);
  if (fromComputeTime !== undefined) return { computeMilliseconds: fromComputeTime };
  const inferenceTime = headers['x-inference-time']?.trim();
  if (inferenceTime !== undefined && WHOLE_MILLISECONDS.test(inferenceTime)) {
    return { computeMilliseconds: Number(inferenceTime) };
  }
  return {};
}
