/**
 * Together's non-chat endpoints: `/v1/completions` (`text.completion` with `prompt: []` and a `seed` per choice),
 * `/v1/embeddings` (no `usage` in the answer, as Together's API reference shows), `/v1/images/generations`
 * (`width`/`height`, `response_format` `url` or `base64`, items with `index` and `type`), `/v1/audio/speech`
 * (a voice is required), `/v1/audio/transcriptions` (an upload or a public URL in `file`), and the video job
 * API at `/v2/videos`.
 */
import { createOpenAITaskRoutes } from '../openai-task-routes/create-openai-task-routes.js';
import type { ProviderErrorDialect } from '../provider-profile.js';
import { randomAlphanumeric, randomHex } from '../random-ids.js';
import type { SimulatedTaskRoute } from '../simulated-task-route.js';
import { togetherVideoRoutes } from './together-video-routes.js';

/** Embedding sizes of the models Together serves (their model cards). */
const EMBEDDING_DIMENSIONS: Readonly<Record<string, number>> = {
  'BAAI/bge-base-en-v1.5': 768,
  'BAAI/bge-large-en-v1.5': 1024,
  'intfloat/multilingual-e5-large-instruct': 1024,
};

const togetherId = () => `o${randomAlphanumeric(6)}-${randomAlphanumeric(6)}-${randomHex(16)}`;

/**
 * @example
 * taskRoutes: togetherTaskRoutes(() => togetherProfile.errors),
 */
export function togetherTaskRoutes(errors: () => ProviderErrorDialect): SimulatedTaskRoute[] {
  const openAIRoutes = createOpenAITaskRoutes({
    basePath: '/v1',
    errors,
    completions: {
      newId: togetherId,
      object: 'text.completion',
      usage: ({ promptTokens, completionTokens }) => ({
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
        cached_tokens: 0,
      }),
      decorate: (completion) => ({
        ...completion,
        prompt: [],
        choices: (completion.choices as Record<string, unknown>[]).map((choice) => ({
          ...choice,
          seed: Number.parseInt(randomHex(13), 16),
        })),
      }),
    },
    embeddings: { dimensionsFor: (model) => EMBEDDING_DIMENSIONS[model] ?? 768, usage: undefined },
    images: {
      size: 'width-height',
      defaultSize: { width: 1024, height: 1024 },
      base64Format: 'base64',
      urlFormat: 'url',
      defaultFormat: 'url',
      decorateItem: (item, index) => ({ index, type: 'b64_json' in item ? 'b64_json' : 'url', ...item }),
      envelope: (data, model) => ({ id: togetherId(), model, object: 'list', data }),
    },
    speech: { requiresVoice: true, defaultFormat: 'wav' },
    transcriptions: { formats: ['json', 'verbose_json'], acceptsFileUrl: true },
  });
  return [...openAIRoutes, ...togetherVideoRoutes(errors)];
}
