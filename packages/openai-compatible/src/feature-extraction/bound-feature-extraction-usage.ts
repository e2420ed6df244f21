/**
 * The worst-case usage of an embeddings request: input tokens bounded by the texts' UTF-8 bytes (byte-level BPE
 * and WordPiece with byte or character fallback never make more tokens than bytes), plus each text's special
 * tokens (`[CLS]`/`[SEP]`, BOS/EOS, an instruction prefix's markers).
 */
import type { FeatureExtractionInputV1, UsageBoundV1 } from '@tollgate/provider-spec';

/** Special tokens an embedding model may add around one text. */
export const TOKENS_PER_TEXT_ALLOWANCE = 8;

/**
 * @example
 * boundFeatureExtractionUsage({ inputs: ['a', 'bc'] }); // { usage: { inputTokens: 19 } }
 */
export function boundFeatureExtractionUsage(input: FeatureExtractionInputV1): UsageBoundV1 | undefined {
  const inputs = input?.inputs;
  const texts = typeof inputs === 'string' ? [inputs] : Array.isArray(inputs) ? inputs : undefined;
  if (texts === undefined) return undefined;
  let inputTokens = 0;
  for (const text of texts) {
    inputTokens +=
      (typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : 0) + TOKENS_PER_TEXT_ALLOWANCE;
  }
  return { usage: { inputTokens } };
}
