/** What a native hf-inference answer is billed for: the compute time its headers report, as the task handlers meter it. */
import type { NativeMeteringV1, UpstreamResponseV1 } from '@tollgate/provider-spec';
import { readComputeUsage } from '../read-compute-usage.js';

/**
 * `x-compute-time` (or TGI's `x-inference-time`) of any JSON or file answer, pipelines and TGI's chat and
 * completions alike; nothing when neither header is there, so an unreported call is not guessed at. Token counts
 * in a chat answer are left out: the rate card prices compute time only.
 *
 * @example
 * meterComputeTime({ response: { status: 200, headers: { 'x-compute-time': '0.012' }, body: [] } }); // { usage: { computeMilliseconds: 12 } }
 */
export function meterComputeTime({ response }: { readonly response: UpstreamResponseV1 }): NativeMeteringV1 {
  const usage = readComputeUsage(response.headers);
  return Object.keys(usage).length > 0 ? { usage } : {};
}
