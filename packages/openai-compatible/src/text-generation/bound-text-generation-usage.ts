/**
 * The worst case of a completion request: the prompt's UTF-8 bytes as input tokens (byte-level BPE never makes more
 * tokens than bytes) plus a few special tokens, and `max_new_tokens` (or the host's cap) as output.
 */
import type { TextGenerationInputV1, UsageBoundV1 } from '@tollgate/provider-spec';

/** BOS and the like a server may add around a raw prompt. */
export const TOKENS_PER_PROMPT_ALLOWANCE = 8;

const positiveInteger = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;

/**
 * @example
 * boundTextGenerationUsage({ inputs: 'Once', parameters: { max_new_tokens: 20 } });
 * // { usage: { inputTokens: 12 }, outputTokens: { requested: 20 } }
 */
export function boundTextGenerationUsage(input: TextGenerationInputV1): UsageBoundV1 | undefined {
  if (typeof input?.inputs !== 'string') return undefined;
  return {
    usage: { inputTokens: Buffer.byteLength(input.inputs, 'utf8') + TOKENS_PER_PROMPT_ALLOWANCE },
    outputTokens: { requested: positiveInteger(input.parameters?.max_new_tokens) },
  };
}

/** The input with `max_new_tokens` set (the handler sends it as `max_tokens`). */
export function limitTextGenerationOutputTokens({
  input,
  maxOutputTokens,
}: {
  input: TextGenerationInputV1;
  maxOutputTokens: number;
}): TextGenerationInputV1 {
  return { ...input, parameters: { ...input.parameters, max_new_tokens: maxOutputTokens } };
}
