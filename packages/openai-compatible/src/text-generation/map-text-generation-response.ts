/** Reads an OpenAI `text_completion` into the public `text-generation` output and its usage. */
import {
  type TaskResultV1,
  type TextGenerationOutputV1,
  UpstreamOutputError,
  type UpstreamResponseV1,
} from '@tollgate/provider-spec';
import { extractErrorMessage } from '@tollgate/provider-utils';
import { extractOpenAIUsage } from '../chat/extract-openai-usage.js';
import type { OpenAICompatibleTextGenerationConfig } from './openai-compatible-text-generation-config.js';

/**
 * `choices[0].text` as `generated_text` (the continuation only, as Hugging Face returns it), its `finish_reason`,
 * and the tokens from `usage`. A body without a text choice is an `UpstreamOutputError`.
 *
 * @example
 * mapTextGenerationResponse({ providerId: 'together' }, { response }); // { output: { generated_text: ' there was', finish_reason: 'length' }, usage: { inputTokens: 4, outputTokens: 3 } }
 */
export function mapTextGenerationResponse(
  config: OpenAICompatibleTextGenerationConfig,
  { response }: { response: UpstreamResponseV1 },
): TaskResultV1<TextGenerationOutputV1> {
  const body = response.body as { choices?: unknown } | null;
  const choice = Array.isArray(body?.choices) ? (body.choices[0] as Record<string, unknown>) : undefined;
  if (typeof choice?.text !== 'string') {
    throw new UpstreamOutputError({
      message: `${config.providerId} returned a completion that cannot be used: ${extractErrorMessage(body, 'it has no text choice')}`,
      providerId: config.providerId,
    });
  }
  const finishReason = typeof choice.finish_reason === 'string' ? choice.finish_reason : undefined;
  const usage = (config.extractUsage ?? extractOpenAIUsage)(body as Record<string, unknown>) ?? {};
  return {
    output: {
      generated_text: choice.text,
      ...(finishReason !== undefined ? { finish_reason: finishReason } : {}),
    },
    usage,
  };
}
