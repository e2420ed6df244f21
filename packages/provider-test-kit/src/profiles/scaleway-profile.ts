/**
 * Scaleway Generative APIs at `api.scaleway.ai/v1`: lower-case model ids (`gpt-oss-120b`,
 * `llama-3.3-70b-instruct`) and Scaleway's platform-wide 401 body
 * (`{"message": "authentication is denied", "method": "api_key", "reason", "type": "denied_authentication"}`).
 * Other error bodies were not confirmed from a capture and follow OpenAI's envelope.
 */
import { randomUUID } from 'node:crypto';
import { openAIModelList } from './openai-model-list.js';
import { createOpenAIStyleErrorDialect, modelNotFoundResponse } from './openai-style-error-dialect.js';
import { createOpenAIStyleProfile } from './openai-style-profile.js';
import type { SimulatedErrorResponse } from './provider-profile.js';
import { scalewayTaskRoutes } from './scaleway/scaleway-task-routes.js';
import { vllmToolCallId } from './vllm-dialect.js';

/** `reason` is `not_found` for a well-formed key Scaleway does not know, `invalid_argument` for a malformed one. */
function deniedAuthentication(reason: 'not_found' | 'invalid_argument'): SimulatedErrorResponse {
  return {
    status: 401,
    body: { message: 'authentication is denied', method: 'api_key', reason, type: 'denied_authentication' },
  };
}

export const scalewayProfile = createOpenAIStyleProfile({
  id: 'scaleway',
  displayName: 'Scaleway',
  basePath: '/v1',
  taskRoutes: scalewayTaskRoutes(() => scalewayProfile.errors),
  models: [
    { id: 'gpt-oss-120b', ownedBy: 'scaleway', contextLength: 131072 },
    { id: 'llama-3.3-70b-instruct', ownedBy: 'scaleway', contextLength: 131072 },
    { id: 'gemma-3-27b-it', ownedBy: 'scaleway', contextLength: 40000 },
    { id: 'qwen3.6-35b-a3b', ownedBy: 'scaleway', contextLength: 262144 },
  ],
  requestIdHeader: 'x-request-id',
  newRequestId: () => randomUUID(),
  newToolCallId: vllmToolCallId,
  errors: createOpenAIStyleErrorDialect({
    missingKey: () => deniedAuthentication('invalid_argument'),
    invalidKey: () => deniedAuthentication('not_found'),
    modelNotFound: (model) => modelNotFoundResponse(`Model "${model}" not found`),
    rateLimitMessage: () => 'Rate limit exceeded, please retry later',
  }),
  modelList: (models) => openAIModelList(models, { created: 1754006400 }),
});
