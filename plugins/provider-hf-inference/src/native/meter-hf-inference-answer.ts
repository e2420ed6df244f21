/** What a native hf-inference answer is billed for: the compute time its headers report, as the task handlers meter it. */
import { extractOpenAIUsage } from '@tollgate/openai-compatible';
import type { NativeMeteringV1, UpstreamResponseV1 } from '@tollgate/provider-spec';
import { isRecord } from '../is-record.js';
import { readComputeUsage } from '../read-compute-usage.js';

const metering = (usage: NativeMeteringV1['usage']): NativeMeteringV1 =>
  usage !== undefined && Object.keys(usage).length > 0 ? { usage } : {};

/**
 * A pipeline answer (JSON or a file): `x-compute-time` (or TGI's `x-inference-time`), nothing when neither
 * header is there, so an unreported call is not guessed at.
 *
 * @example
 * meterComputeTime({ response: { status: 200, headers: { 'x-compute-time': '0.012' }, body: [] } }); // { usage: { computeMilliseconds: 12 } }
 */
export function meterComputeTime({ response }: { readonly response: UpstreamResponseV1 }): NativeMeteringV1 {
  return metering(readComputeUsage(response.headers));
}

/**
 * A JSON chat or completions answer from a model's TGI server: the compute time of its headers beside the token
 * counts of its `usage`, as the conversational task handler meters it.
 *
 * @example
 * meterOpenAIAnswer({ response: { status: 200, headers: { 'x-compute-time': '0.111191439' }, body: { usage: { prompt_tokens: 14, completion_tokens: 3 } } } });
 * // { usage: { inputTokens: 14, outputTokens: 3, computeMilliseconds: 112 } }
 */
export function meterOpenAIAnswer({ response }: { readonly response: UpstreamResponseV1 }): NativeMeteringV1 {
  const tokens = isRecord(response.body) ? extractOpenAIUsage(response.body) : undefined;
  return metering({ ...tokens, ...readComputeUsage(response.headers) });
}
