/**
 * DeepInfra's non-chat OpenAI endpoints under `/v1/openai`: completions and embeddings whose `usage` carries
 * DeepInfra's float `estimated_cost`, speech, and transcriptions (`json`, `verbose_json`, `text`).
 *
 * Modelled: DeepInfra's speech default format is OpenAI's (mp3), which the simulator cannot encode; it answers
 * WAV, which the plugin asks for explicitly.
 */
import { createOpenAITaskRoutes } from '../openai-task-routes/create-openai-task-routes.js';
import type { ProviderErrorDialect } from '../provider-profile.js';
import { randomAlphanumeric } from '../random-ids.js';
import type { SimulatedTaskRoute } from '../simulated-task-route.js';

const EMBEDDING_DIMENSIONS: Readonly<Record<string, number>> = {
  'BAAI/bge-base-en-v1.5': 768,
  'BAAI/bge-large-en-v1.5': 1024,
  'BAAI/bge-m3': 1024,
  'Qwen/Qwen3-Embedding-0.6B': 1024,
};

/**
 * @example
 * taskRoutes: deepinfraTaskRoutes(() => deepinfraProfile.errors),
 */
export function deepinfraTaskRoutes(errors: () => ProviderErrorDialect): SimulatedTaskRoute[] {
  return createOpenAITaskRoutes({
    basePath: '/v1/openai',
    errors,
    completions: {
      newId: () => `cmpl-${randomAlphanumeric(10)}`,
      // DeepInfra's float estimate is left at 0: the simulator knows no per-model price for completions.
      usage: ({ promptTokens, completionTokens }) => ({
        prompt_tokens: promptTokens,
        total_tokens: promptTokens + completionTokens,
        completion_tokens: completionTokens,
        estimated_cost: 0,
      }),
    },
    embeddings: {
      dimensionsFor: (model) => EMBEDDING_DIMENSIONS[model] ?? 768,
      usage: (tokens) => ({ prompt_tokens: tokens, total_tokens: tokens, estimated_cost: 0 }),
      decorate: (list) => ({ ...list, id: `embd-${randomAlphanumeric(10)}` }),
    },
    speech: { defaultFormat: 'wav' },
    transcriptions: { formats: ['json', 'verbose_json', 'text'] },
  });
}
