/**
 * Scaleway Generative APIs' non-chat endpoints: `/v1/completions` and `/v1/embeddings`, vLLM-shaped (ids with a
 * prefix, `created`, usage with `prompt_tokens_details: null`).
 */
import { createOpenAITaskRoutes } from '../openai-task-routes/create-openai-task-routes.js';
import type { ProviderErrorDialect } from '../provider-profile.js';
import { randomHex } from '../random-ids.js';
import type { SimulatedTaskRoute } from '../simulated-task-route.js';

const EMBEDDING_DIMENSIONS: Readonly<Record<string, number>> = {
  'bge-multilingual-gemma2': 3584,
  'qwen3-embedding-8b': 4096,
};

/**
 * @example
 * taskRoutes: scalewayTaskRoutes(() => scalewayProfile.errors),
 */
export function scalewayTaskRoutes(errors: () => ProviderErrorDialect): SimulatedTaskRoute[] {
  return createOpenAITaskRoutes({
    basePath: '/v1',
    errors,
    completions: { newId: () => `cmpl-${randomHex(32)}` },
    embeddings: {
      dimensionsFor: (model) => EMBEDDING_DIMENSIONS[model] ?? 1024,
      usage: (tokens) => ({
        prompt_tokens: tokens,
        total_tokens: tokens,
        completion_tokens: 0,
        prompt_tokens_details: null,
      }),
      decorate: (list) => ({ id: `embd-${randomHex(32)}`, created: Math.floor(Date.now() / 1000), ...list }),
    },
  });
}
