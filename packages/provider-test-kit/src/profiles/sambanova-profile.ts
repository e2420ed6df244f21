/**
 * SambaNova Cloud's OpenAI-compatible API: `usage` carries SambaNova's timings (time to first token, tokens per
 * second, start and end times, `is_last_response`) next to the token counts, `system_fingerprint` is always a
 * string, strict JSON-schema output is refused, a wrong model id is a 400 `model_not_found`, and the models
 * list gives context length, maximum completion tokens and per-token prices.
 *
 * Read from SambaNova's docs and SDK types: the response and usage fields, the models list fields, the error
 * envelope `{error: {message, type, param, code}}` and the codes `invalid_authentication` (401) and
 * `model_not_found` (400). Modelled: the error wording and the 429 code, which SambaNova does not publish, and
 * the strict-schema refusal, whose exact message is unknown (Hugging Face's clients force `strict: false` for
 * SambaNova because of it). No request-id header is documented, so none is sent.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { RequestProblem } from '../simulator/validate-chat-request.js';
import { openAIErrorResponse } from './openai-error-response.js';
import { openAIModelList } from './openai-model-list.js';
import { createOpenAIStyleProfile } from './openai-style-profile.js';
import type { CompletionFacts, SimulatedErrorResponse } from './provider-profile.js';
import { randomHex } from './random-ids.js';
import { sambanovaTaskRoutes } from './sambanova/sambanova-task-routes.js';
import { withRetryAfter } from './with-retry-after.js';

function sambanovaError(
  status: number,
  message: string,
  code: string | null,
  param: string | null = null,
  type = 'invalid_request_error',
): SimulatedErrorResponse {
  return openAIErrorResponse(status, { message, type, param, code });
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

function sambanovaUsage(facts: CompletionFacts): Record<string, unknown> {
  const { plan, timing, created } = facts;
  const generation = Math.max(timing.completionTime, 1e-6);
  const total = Math.max(timing.totalTime, 1e-6);
  return {
    acceptance_rate: 1,
    completion_tokens: plan.completionTokens,
    completion_tokens_after_first_per_sec: round(Math.max(0, plan.completionTokens - 1) / generation, 3),
    completion_tokens_after_first_per_sec_first_ten: round(
      Math.min(10, plan.completionTokens) / generation,
      3,
    ),
    completion_tokens_per_sec: round(plan.completionTokens / total, 3),
    end_time: round(created + total, 4),
    is_last_response: true,
    prompt_tokens: plan.promptTokens,
    prompt_tokens_details: { cached_tokens: 0 },
    start_time: created,
    time_to_first_token: round(timing.queueTime + timing.promptTime, 6),
    total_latency: round(total, 6),
    total_tokens: plan.promptTokens + plan.completionTokens,
    total_tokens_per_sec: round((plan.promptTokens + plan.completionTokens) / total, 3),
  };
}

/** SambaNova does not do strict structured output; a JSON schema whose `strict` is not false is refused. */
function refuseStrictSchema(body: Readonly<Record<string, unknown>>): RequestProblem | undefined {
  const format = body.response_format as { type?: unknown; json_schema?: { strict?: unknown } } | undefined;
  if (format?.type !== 'json_schema' || format.json_schema?.strict === false) return undefined;
  return {
    param: 'response_format.json_schema.strict',
    code: 'invalid_value',
    message: 'Strict mode is not supported for json_schema response formats; set strict to false.',
  };
}

function sambanovaForStatus(status: number, model: string | undefined): SimulatedErrorResponse {
  if (status === 401) return sambanovaProfile.errors.invalidKey();
  if (status === 429) {
    return withRetryAfter(
      sambanovaError(
        429,
        'Rate limit exceeded for your subscription tier.',
        'rate_limit_exceeded',
        null,
        'rate_limit_error',
      ),
    );
  }
  if (status === 410 && model)
    return sambanovaError(410, `Model ${model} is no longer available.`, 'model_gone', 'model');
  if (status >= 500)
    return sambanovaError(status, STATUS_CODES[status] ?? 'Something went wrong', null, null, 'server_error');
  return sambanovaError(status, STATUS_CODES[status] ?? 'Bad Request', null);
}

/** USD per million tokens as SambaNova's models list gives it: USD per token. */
const perToken = (usdPerMillion: number | undefined): number => (usdPerMillion ?? 0) / 1_000_000;

export const sambanovaProfile = createOpenAIStyleProfile({
  id: 'sambanova',
  displayName: 'SambaNova Cloud',
  basePath: '/v1',
  taskRoutes: sambanovaTaskRoutes(() => sambanovaProfile.errors),
  // SambaNova Cloud's catalog and list prices (October 2026).
  models: [
    {
      id: 'Meta-Llama-3.3-70B-Instruct',
      ownedBy: 'Meta',
      contextLength: 131072,
      pricing: { input: 0.6, output: 1.2 },
    },
    { id: 'gpt-oss-120b', ownedBy: 'OpenAI', contextLength: 131072, pricing: { input: 0.22, output: 0.59 } },
    { id: 'DeepSeek-V3.1', ownedBy: 'DeepSeek', contextLength: 131072, pricing: { input: 3, output: 4.5 } },
    { id: 'DeepSeek-V3.2', ownedBy: 'DeepSeek', contextLength: 32768, pricing: { input: 3, output: 4.5 } },
    { id: 'MiniMax-M3', ownedBy: 'MiniMax', contextLength: 1048576, pricing: { input: 0.6, output: 2.4 } },
  ],
  newCompletionId: () => randomUUID(),
  newRequestId: () => randomUUID(),
  newToolCallId: () => `call_${randomHex(24)}`,
  checkQuirks: refuseStrictSchema,
  errors: {
    missingKey: () =>
      sambanovaError(401, 'Authentication credentials are missing.', 'invalid_authentication'),
    invalidKey: () => sambanovaError(401, 'Invalid API key.', 'invalid_authentication'),
    invalidJson: () => sambanovaError(400, 'Invalid JSON in request body.', 'invalid_type'),
    invalidRequest: (problem) =>
      sambanovaError(400, problem.message, problem.code ?? 'invalid_type', problem.param ?? null),
    modelNotFound: (model) =>
      sambanovaError(400, `Model ${model} does not exist.`, 'model_not_found', 'model'),
    unknownRoute: () => ({ status: 404, body: { detail: 'Not Found' } }),
    forStatus: sambanovaForStatus,
  },
  usage: sambanovaUsage,
  decorateCompletion: (completion) => ({ ...completion, system_fingerprint: 'fastcoe' }),
  decorateChunk: (chunk) => ({ ...chunk, system_fingerprint: 'fastcoe' }),
  // SambaNova's entries have no `created`.
  modelList: (models) =>
    openAIModelList(models, {
      fields: (model) => ({
        context_length: model.contextLength,
        ...(model.maxCompletionTokens !== undefined
          ? { max_completion_tokens: model.maxCompletionTokens }
          : {}),
        pricing: { prompt: perToken(model.pricing?.input), completion: perToken(model.pricing?.output) },
        sn_metadata: {},
      }),
    }),
});
