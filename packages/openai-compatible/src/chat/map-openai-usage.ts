/** Converts an OpenAI-style `usage` object into the units Tollgate meters. */
import type { UsageV1 } from '@tollgate/provider-spec';

function tokenCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/**
 * `prompt_tokens` -> `inputTokens`, `completion_tokens` -> `outputTokens`,
 * `prompt_tokens_details.cached_tokens` -> `cachedInputTokens`. Counts that are missing or not non-negative
 * integers are left out, never guessed; `undefined` when nothing usable is there.
 *
 * @example
 * mapOpenAIUsage({ prompt_tokens: 45, completion_tokens: 607, total_tokens: 652 }); // { inputTokens: 45, outputTokens: 607 }
 */
export function mapOpenAIUsage(usage: unknown): UsageV1 | undefined {
  if (usage == null || typeof usage !== 'object') return undefined;
  const record = usage as Record<string, unknown>;
  const details = record.prompt_tokens_details;
  const inputTokens = tokenCount(record.prompt_tokens);
  const outputTokens = tokenCount(record.completion_tokens);
  const cachedInputTokens =
    details != null && typeof details === 'object'
      ? tokenCount((details as Record<string, unknown>).cached_tokens)
      : undefined;
  if (inputTokens === undefined && outputTokens === undefined && cachedInputTokens === undefined)
    return undefined;
  // Built key by key from an empty literal, so that every usage of one shape shares one map (spreads of
  // conditional literals give each object a map of its own on Node 20, and pricing reads every field).
  const mapped: { inputTokens?: number; outputTokens?: number; cachedInputTokens?: number } = {};
  if (inputTokens !== undefined) mapped.inputTokens = inputTokens;
  if (outputTokens !== undefined) mapped.outputTokens = outputTokens;
  if (cachedInputTokens !== undefined) mapped.cachedInputTokens = cachedInputTokens;
  return mapped;
}
