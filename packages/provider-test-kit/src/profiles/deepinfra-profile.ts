/**
 * DeepInfra's OpenAI API under `/v1/openai`: `chatcmpl-` plus ten letters and digits as ids, `usage` with
 * DeepInfra's own `estimated_cost` (USD) and sent on the finishing stream chunk whether or not the client asked,
 * `null` message fields (`name`, `tool_calls`), a 401 `Not authenticated` in the OpenAI error envelope, and a
 * models list whose entries carry `metadata` (context length, per-million-token pricing).
 *
 * Read from DeepInfra: the paths, the id shape and response fields (model API pages), the 401 body (reported
 * verbatim by users in 2026), the models list shape. Modelled on the OpenAI envelope because DeepInfra does not
 * publish the wording: the 400, 404, 429 and 5xx messages. No request-id header is documented, so none is sent.
 */
import { STATUS_CODES } from 'node:http';
import { deepinfraTaskRoutes } from './deepinfra/deepinfra-task-routes.js';
import { mapChoices } from './map-choices.js';
import { openAIErrorResponse } from './openai-error-response.js';
import { openAIModelList } from './openai-model-list.js';
import { createOpenAIStyleProfile } from './openai-style-profile.js';
import type { CompletionFacts, SimulatedErrorResponse } from './provider-profile.js';
import { randomAlphanumeric } from './random-ids.js';
import { requestProblemMessage } from './request-problem-message.js';
import { vllmUsage } from './token-usage.js';
import { withRetryAfter } from './with-retry-after.js';

function deepinfraError(status: number, message: string, code: string | null = null): SimulatedErrorResponse {
  return openAIErrorResponse(status, { message, type: 'invalid_request_error', param: null, code });
}

/** DeepInfra's float estimate of the request's cost, from the catalog price of the model (simulator only). */
function estimatedCost(facts: CompletionFacts): number {
  const pricing = deepinfraProfile.models.find((model) => model.id === facts.model)?.pricing;
  if (!pricing) return 0;
  const { promptTokens, completionTokens } = facts.plan;
  return (promptTokens * pricing.input + completionTokens * pricing.output) / 1_000_000;
}

function deepinfraUsage(facts: CompletionFacts): Record<string, unknown> {
  return vllmUsage(facts.plan, { estimated_cost: estimatedCost(facts) });
}

function deepinfraForStatus(status: number, model: string | undefined): SimulatedErrorResponse {
  if (status === 401) return deepinfraProfile.errors.invalidKey();
  if (status === 404 && model) return deepinfraProfile.errors.modelNotFound(model);
  if (status === 429)
    return withRetryAfter(
      deepinfraError(429, `Rate limit exceeded for model ${model ?? ''}. Please retry later.`.trim()),
    );
  const fallback = status >= 500 ? 'Internal Server Error' : 'Bad Request';
  return deepinfraError(status, STATUS_CODES[status] ?? fallback);
}

export const deepinfraProfile = createOpenAIStyleProfile({
  id: 'deepinfra',
  displayName: 'DeepInfra',
  basePath: '/v1/openai',
  taskRoutes: deepinfraTaskRoutes(() => deepinfraProfile.errors),
  // The chat models the plugin maps, at the plugin's prices. Only GLM-4.7's context length was read on
  // DeepInfra's page; the others are the simulator's default.
  models: [
    {
      id: 'zai-org/GLM-4.7',
      ownedBy: 'deepinfra',
      contextLength: 202752,
      pricing: { input: 0.43, output: 1.75 },
    },
    {
      id: 'zai-org/GLM-5.2',
      ownedBy: 'deepinfra',
      contextLength: 131072,
      pricing: { input: 1.4, output: 4.4 },
    },
    {
      id: 'MiniMaxAI/MiniMax-M2.5',
      ownedBy: 'deepinfra',
      contextLength: 131072,
      pricing: { input: 0.3, output: 1.2 },
    },
    {
      id: 'Qwen/Qwen3-235B-A22B',
      ownedBy: 'deepinfra',
      contextLength: 131072,
      pricing: { input: 0.13, output: 0.6 },
    },
    {
      id: 'meta-llama/Llama-3.3-70B-Instruct',
      ownedBy: 'deepinfra',
      contextLength: 131072,
      pricing: { input: 0.23, output: 0.4 },
    },
  ],
  newCompletionId: () => `chatcmpl-${randomAlphanumeric(10)}`,
  newRequestId: () => randomAlphanumeric(20),
  newToolCallId: () => `call_${randomAlphanumeric(24)}`,
  errors: {
    missingKey: () => deepinfraError(401, 'Not authenticated'),
    invalidKey: () => deepinfraError(401, 'Not authenticated'),
    invalidJson: () => deepinfraError(400, 'Invalid JSON in request body'),
    invalidRequest: (problem) => deepinfraError(400, requestProblemMessage(problem)),
    modelNotFound: (model) => deepinfraError(404, `The model \`${model}\` does not exist`, 'model_not_found'),
    unknownRoute: () => ({ status: 404, body: { detail: 'Not Found' } }),
    forStatus: deepinfraForStatus,
  },
  usage: deepinfraUsage,
  decorateCompletion: (completion) =>
    mapChoices(completion, (choice) => {
      const message = choice.message as Record<string, unknown>;
      return { ...choice, message: { ...message, name: null, tool_calls: message.tool_calls ?? null } };
    }),
  decorateChunk: (chunk, kind, facts) =>
    // DeepInfra reports usage on the finishing chunk even when the client did not ask for it.
    kind === 'finish' ? { ...chunk, usage: deepinfraUsage(facts) } : chunk,
  modelList: (models) =>
    openAIModelList(models, {
      created: 1735689600,
      fields: (model) => ({
        owned_by: 'deepinfra',
        metadata: {
          description: `${model.id} on DeepInfra`,
          context_length: model.contextLength,
          max_tokens: model.maxCompletionTokens ?? null,
          pricing: { input_tokens: model.pricing?.input ?? 0, output_tokens: model.pricing?.output ?? 0 },
          tags: [],
        },
      }),
    }),
});
