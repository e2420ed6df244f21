/** Reads an OpenAI embeddings list into the public `feature-extraction` output and its usage. */
import {
  type FeatureExtractionInputV1,
  type FeatureExtractionOutputV1,
  type TaskResultV1,
  UpstreamOutputError,
  type UpstreamResponseV1,
} from '@tollgate/provider-spec';
import { extractErrorMessage } from '@tollgate/provider-utils';
import { mapOpenAIUsage } from '../chat/map-openai-usage.js';
import type { OpenAICompatibleFeatureExtractionConfig } from './openai-compatible-feature-extraction-config.js';

interface EmbeddingItem {
  readonly embedding: readonly number[];
  readonly index?: number;
}

function isEmbeddingItem(item: unknown): item is EmbeddingItem {
  const embedding = (item as { embedding?: unknown } | null)?.embedding;
  return Array.isArray(embedding) && embedding.every((value) => typeof value === 'number');
}

/**
 * One vector per input text, in the order of `index` (OpenAI allows the list out of order), and `prompt_tokens`
 * as input tokens. A list that is malformed or does not match the number of texts sent is an
 * `UpstreamOutputError`.
 *
 * @example
 * mapFeatureExtractionResponse({ providerId: 'scaleway' }, { input: { inputs: 'hi' }, response });
 * // { output: { embeddings: [[0.01, -0.02, ...]] }, usage: { inputTokens: 1 } }
 */
export function mapFeatureExtractionResponse(
  config: OpenAICompatibleFeatureExtractionConfig,
  { input, response }: { input: FeatureExtractionInputV1; response: UpstreamResponseV1 },
): TaskResultV1<FeatureExtractionOutputV1> {
  const body = response.body as { data?: unknown; usage?: unknown } | null;
  const fail = (reason: string): never => {
    throw new UpstreamOutputError({
      message: `${config.providerId} returned embeddings that cannot be used: ${reason}`,
      providerId: config.providerId,
    });
  };
  if (!Array.isArray(body?.data)) return fail(extractErrorMessage(body, 'it has no data list'));
  if (!body.data.every(isEmbeddingItem)) return fail('an item has no numeric embedding');
  const items = body.data as readonly EmbeddingItem[];
  const expected = typeof input.inputs === 'string' ? 1 : input.inputs.length;
  if (items.length !== expected) return fail(`${items.length} vectors for ${expected} texts`);
  const ordered = items.every((item) => typeof item.index === 'number')
    ? [...items].sort((left, right) => (left.index ?? 0) - (right.index ?? 0))
    : items;
  return {
    output: { embeddings: ordered.map((item) => item.embedding) },
    usage: mapOpenAIUsage(body.usage) ?? {},
  };
}
