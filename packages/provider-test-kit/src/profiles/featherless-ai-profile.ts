/**
 * Featherless AI's OpenAI-compatible API under `/v1`: Hugging Face repository ids as model ids, `chatcmpl-`
 * ids, and `/v1/models` entries with each model's context length. Featherless sells concurrency, not tokens, so
 * its 429 is about concurrent requests. Its exact error wording was not confirmed from a capture: the bodies
 * follow OpenAI's envelope.
 */
import { featherlessAiTaskRoutes } from './featherless-ai/featherless-ai-task-routes.js';
import { openAIModelList } from './openai-model-list.js';
import {
  createOpenAIStyleErrorDialect,
  modelNotFoundResponse,
  unconfirmedInvalidKeyResponse,
} from './openai-style-error-dialect.js';
import { createOpenAIStyleProfile } from './openai-style-profile.js';
import { randomAlphanumeric } from './random-ids.js';

export const featherlessAiProfile = createOpenAIStyleProfile({
  id: 'featherless-ai',
  displayName: 'Featherless AI',
  basePath: '/v1',
  taskRoutes: featherlessAiTaskRoutes(() => featherlessAiProfile.errors),
  models: [
    { id: 'mistralai/Devstral-Small-2507', ownedBy: 'featherless-ai', contextLength: 131072 },
    { id: 'google/gemma-3-27b-it', ownedBy: 'featherless-ai', contextLength: 131072 },
    { id: 'Qwen/Qwen3-32B', ownedBy: 'featherless-ai', contextLength: 32768 },
  ],
  requestIdHeader: 'x-request-id',
  newToolCallId: () => `call_${randomAlphanumeric(24)}`,
  errors: createOpenAIStyleErrorDialect({
    invalidKey: unconfirmedInvalidKeyResponse,
    modelNotFound: (model) => modelNotFoundResponse(`Model ${model} not found`),
    rateLimitMessage: () =>
      'Concurrency limit exceeded: your plan allows no more concurrent requests to this model right now',
  }),
  modelList: (models) =>
    openAIModelList(models, {
      created: 1752624000,
      fields: (model) => ({ context_length: model.contextLength }),
    }),
});
