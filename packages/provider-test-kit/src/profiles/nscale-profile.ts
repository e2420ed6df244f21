/**
 * Nscale's serverless inference API on vLLM: answers carry vLLM's `stop_reason`, `reasoning_content` and
 * `prompt_logprobs`, `stream_options` without `stream` is refused with a 400, and a 429 means the account is
 * out of credit (Nscale applies no rate limits).
 *
 * Read from Nscale's docs: the base path, the response fields, the status table (401 invalid token, 404 model
 * not found, 429 insufficient credit, 500, 503). Modelled: the error wording and envelope (Nscale documents
 * only "Error object"), which follows vLLM's. No request-id header is documented, so none is sent.
 */
import { STATUS_CODES } from 'node:http';
import { nscaleTaskRoutes } from './nscale/nscale-task-routes.js';
import { openAIModelList } from './openai-model-list.js';
import { createOpenAIStyleProfile } from './openai-style-profile.js';
import type { SimulatedErrorResponse } from './provider-profile.js';
import { requestProblemMessage } from './request-problem-message.js';
import { vllmUsage } from './token-usage.js';
import {
  addStopReasonOnFinish,
  refuseStreamOptionsWithoutStream,
  vllmErrorResponse,
  vllmToolCallId,
  withVllmChoiceFields,
} from './vllm-dialect.js';

function nscaleForStatus(status: number, model: string | undefined): SimulatedErrorResponse {
  if (status === 401) return nscaleProfile.errors.invalidKey();
  if (status === 404 && model) return nscaleProfile.errors.modelNotFound(model);
  if (status === 429) return vllmErrorResponse(429, 'Insufficient credit', 'InsufficientCreditError');
  if (status === 503)
    return vllmErrorResponse(503, 'Service temporarily unavailable', 'ServiceUnavailableError');
  if (status >= 500)
    return vllmErrorResponse(status, STATUS_CODES[status] ?? 'Internal Server Error', 'InternalServerError');
  return vllmErrorResponse(status, STATUS_CODES[status] ?? 'Bad Request', 'BadRequestError');
}

export const nscaleProfile = createOpenAIStyleProfile({
  id: 'nscale',
  displayName: 'Nscale',
  basePath: '/v1',
  taskRoutes: nscaleTaskRoutes(() => nscaleProfile.errors),
  models: [
    { id: 'openai/gpt-oss-120b', ownedBy: 'openai', contextLength: 131072 },
    { id: 'openai/gpt-oss-20b', ownedBy: 'openai', contextLength: 131072 },
    { id: 'Qwen/Qwen3-235B-A22B', ownedBy: 'Qwen', contextLength: 131072 },
  ],
  newToolCallId: vllmToolCallId,
  checkQuirks: refuseStreamOptionsWithoutStream,
  errors: {
    missingKey: () => vllmErrorResponse(401, 'Missing service token', 'AuthenticationError'),
    invalidKey: () => vllmErrorResponse(401, 'Invalid service token or unauthorized', 'AuthenticationError'),
    invalidJson: () =>
      vllmErrorResponse(400, 'JSON decode error: the request body is not valid JSON', 'BadRequestError'),
    invalidRequest: (problem) =>
      vllmErrorResponse(400, requestProblemMessage(problem), 'BadRequestError', problem.param ?? null),
    modelNotFound: (model) =>
      vllmErrorResponse(404, `Model ${model} not found or unavailable`, 'NotFoundError', 'model'),
    unknownRoute: () => ({ status: 404, body: { detail: 'Not Found' } }),
    forStatus: nscaleForStatus,
  },
  usage: (facts) => vllmUsage(facts.plan, { prompt_tokens_details: null }),
  decorateCompletion: (completion) => ({
    ...withVllmChoiceFields(completion, (message) => ({
      role: message.role,
      content: message.content,
      reasoning_content: null,
      tool_calls: message.tool_calls ?? [],
    })),
    prompt_logprobs: null,
  }),
  decorateChunk: addStopReasonOnFinish,
  modelList: (models) => openAIModelList(models, { created: 1754006400 }),
});
