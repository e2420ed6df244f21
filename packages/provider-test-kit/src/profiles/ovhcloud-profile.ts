/**
 * OVHcloud AI Endpoints' unified OpenAI-compatible endpoint at `oai.endpoints.kepler.ai.cloud.ovh.net/v1`:
 * OVH's own model names (`Meta-Llama-3_3-70B-Instruct`, `gpt-oss-120b`), and a `reasoning_content` field on
 * every assistant message, as OVH's catalog examples read it. OVH's exact error wording was not confirmed from a
 * capture: the bodies follow OpenAI's envelope.
 */
import { mapChoices } from './map-choices.js';
import { openAIErrorResponse } from './openai-error-response.js';
import { openAIModelList } from './openai-model-list.js';
import { createOpenAIStyleErrorDialect, modelNotFoundResponse } from './openai-style-error-dialect.js';
import { createOpenAIStyleProfile } from './openai-style-profile.js';
import { ovhcloudTaskRoutes } from './ovhcloud/ovhcloud-task-routes.js';
import { vllmToolCallId } from './vllm-dialect.js';

export const ovhcloudProfile = createOpenAIStyleProfile({
  id: 'ovhcloud',
  displayName: 'OVHcloud AI Endpoints',
  basePath: '/v1',
  taskRoutes: ovhcloudTaskRoutes(() => ovhcloudProfile.errors),
  models: [
    { id: 'gpt-oss-120b', ownedBy: 'ovhcloud', contextLength: 131072 },
    { id: 'Meta-Llama-3_3-70B-Instruct', ownedBy: 'ovhcloud', contextLength: 131072 },
    { id: 'Qwen3-32B', ownedBy: 'ovhcloud', contextLength: 32768 },
    { id: 'Qwen3.6-27B', ownedBy: 'ovhcloud', contextLength: 131072 },
  ],
  requestIdHeader: 'x-request-id',
  newToolCallId: vllmToolCallId,
  errors: createOpenAIStyleErrorDialect({
    invalidKey: () =>
      openAIErrorResponse(401, {
        message: 'Invalid access token',
        type: 'authentication_error',
        code: 'invalid_token',
      }),
    modelNotFound: (model) => modelNotFoundResponse(`Model ${model} not found`),
    rateLimitMessage: () => 'Rate limit reached for this token, please retry later',
  }),
  decorateCompletion: (completion) =>
    mapChoices(completion, (choice) => ({
      ...choice,
      message: { ...(choice.message as Record<string, unknown>), reasoning_content: null },
    })),
  modelList: (models) => openAIModelList(models, { created: 1730419200 }),
});
