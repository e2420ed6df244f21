/**
 * Together's chat API: every chunk carries `usage: null` until the finishing chunk carries the usage, each
 * choice repeats the token as `text` with its `token_id` and a `seed`; `/v1/models` is a bare array with
 * `context_length` and `pricing`.
 */
import { STATUS_CODES } from 'node:http';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { openAIErrorResponse } from './openai-error-response.js';
import { createOpenAIStyleProfile } from './openai-style-profile.js';
import type { ChunkKind, CompletionFacts, SimulatedErrorResponse } from './provider-profile.js';
import { randomAlphanumeric, randomHex } from './random-ids.js';
import { togetherTaskRoutes } from './together/together-task-routes.js';
import { openAIUsage } from './token-usage.js';
import { withRetryAfter } from './with-retry-after.js';

/** o200k_base's end-of-text token, which Together reports as the finishing chunk's `token_id`. */
const END_OF_TEXT_TOKEN = 199999;

function togetherUsage(facts: CompletionFacts): Record<string, unknown> {
  return openAIUsage(facts.plan, { cached_tokens: 0 });
}

/** A seed derived from the completion id, kept below 2^53 so it survives JSON. */
function seedOf(facts: CompletionFacts): number {
  return Number.parseInt(facts.completionId.slice(-13), 16);
}

function togetherError(
  status: number,
  message: string,
  type: string,
  code: string | null,
  param: string | null = null,
) {
  return openAIErrorResponse(status, { message, type, param, code });
}

function togetherForStatus(status: number, model: string | undefined): SimulatedErrorResponse {
  if (status === 401) return togetherProfile.errors.invalidKey();
  if (status === 404 && model) return togetherProfile.errors.modelNotFound(model);
  if (status === 429) {
    const message = `You have reached the rate limit specific to model ${model ?? 'this model'}. Please try again later.`;
    return withRetryAfter(togetherError(429, message, 'rate_limit_exceeded', 'rate_limit_exceeded'));
  }
  if (status === 503)
    return togetherError(503, 'The server is overloaded or not ready yet.', 'server_error', null);
  if (status >= 500)
    return togetherError(status, STATUS_CODES[status] ?? 'Internal Server Error', 'server_error', null);
  return togetherError(status, STATUS_CODES[status] ?? 'Bad Request', 'invalid_request_error', null);
}

/** Together's choice fields on a chunk: `text` mirrors the content, `delta` has `token_id` and `tool_calls`. */
function togetherChoice(
  choice: Record<string, unknown>,
  kind: ChunkKind,
  facts: CompletionFacts,
): Record<string, unknown> {
  const delta = (choice.delta ?? {}) as Record<string, unknown>;
  const content = typeof delta.content === 'string' ? delta.content : '';
  const tokenId = kind === 'finish' ? END_OF_TEXT_TOKEN : (encode(content)[0] ?? END_OF_TEXT_TOKEN);
  return {
    index: choice.index,
    text: content,
    logprobs: null,
    finish_reason: choice.finish_reason ?? null,
    seed: kind === 'finish' ? seedOf(facts) : null,
    delta: { token_id: tokenId, role: 'assistant', content, tool_calls: delta.tool_calls ?? null },
  };
}

export const togetherProfile = createOpenAIStyleProfile({
  id: 'together',
  displayName: 'Together AI',
  basePath: '/v1',
  taskRoutes: togetherTaskRoutes(() => togetherProfile.errors),
  // Together's serverless chat catalog and list prices as of Nov 2026.
  models: [
    {
      id: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
      ownedBy: 'Meta',
      contextLength: 131072,
      pricing: { input: 1.04, output: 1.04 },
    },
    {
      id: 'openai/gpt-oss-120b',
      ownedBy: 'OpenAI',
      contextLength: 131072,
      pricing: { input: 0.15, output: 0.6 },
    },
    {
      id: 'deepseek-ai/DeepSeek-V4.1-Flash',
      ownedBy: 'DeepSeek',
      contextLength: 1000000,
      pricing: { input: 0.3, output: 1.2 },
    },
    { id: 'Qwen/Qwen3.5-9B', ownedBy: 'Qwen', contextLength: 262144, pricing: { input: 0.17, output: 0.25 } },
    { id: 'zai-org/GLM-5.3', ownedBy: 'Z.ai', contextLength: 1048575, pricing: { input: 1.4, output: 4.4 } },
    {
      id: 'moonshotai/Kimi-K3',
      ownedBy: 'Moonshot AI',
      contextLength: 1048576,
      pricing: { input: 3, output: 15 },
    },
  ],
  requestIdHeader: 'x-request-id',
  newCompletionId: () => `o${randomAlphanumeric(6)}-${randomAlphanumeric(6)}-${randomHex(16)}`,
  newRequestId: () => `${randomHex(16)}-SJC`,
  newToolCallId: () => `call_${randomAlphanumeric(24).toLowerCase()}`,
  sendsRoleChunk: false,
  errors: {
    missingKey: () => togetherProfile.errors.invalidKey(),
    invalidKey: () =>
      togetherError(
        401,
        'Invalid API key provided. You can find your API key at https://api.together.xyz/settings/api-keys.',
        'invalid_request_error',
        'invalid_api_key',
      ),
    invalidJson: () => togetherError(400, 'Invalid JSON in request body', 'invalid_request_error', null),
    invalidRequest: (problem) =>
      togetherError(
        400,
        problem.param ? `Input validation error: \`${problem.param}\` ${problem.message}` : problem.message,
        'invalid_request_error',
        problem.code ?? null,
        problem.param ?? null,
      ),
    modelNotFound: (model) =>
      togetherError(
        404,
        `Unable to access model ${model}. Please visit https://api.together.ai/models to view the list of supported models.`,
        'invalid_request_error',
        'model_not_available',
      ),
    unknownRoute: (method, path) =>
      togetherError(404, `${method} ${path} not found`, 'invalid_request_error', null),
    forStatus: togetherForStatus,
  },
  usage: togetherUsage,
  decorateCompletion: (completion, facts) => {
    const choices = (completion.choices as Record<string, unknown>[]).map((choice) => {
      const message = choice.message as Record<string, unknown>;
      return {
        finish_reason: choice.finish_reason,
        seed: seedOf(facts),
        logprobs: null,
        index: choice.index,
        message: { ...message, tool_calls: message.tool_calls ?? [] },
      };
    });
    return { ...completion, prompt: [], choices };
  },
  decorateChunk: (chunk, kind, facts) => {
    if (kind === 'usage') return chunk;
    const choices = (chunk.choices as Record<string, unknown>[]).map((choice) =>
      togetherChoice(choice, kind, facts),
    );
    return { ...chunk, choices, usage: kind === 'finish' ? togetherUsage(facts) : null };
  },
  // Together lists models as a bare JSON array, not an OpenAI `{object: 'list', data}` envelope.
  modelList: (models) =>
    models.map((model) => ({
      id: model.id,
      object: 'model',
      created: 1733875200,
      type: 'chat',
      running: false,
      display_name: model.id.split('/').pop(),
      organization: model.ownedBy,
      link: `https://huggingface.co/${model.id}`,
      context_length: model.contextLength,
      config: { chat_template: null, stop: ['<|eot_id|>'], bos_token: null, eos_token: null },
      pricing: {
        hourly: 0,
        input: model.pricing?.input ?? 0,
        output: model.pricing?.output ?? 0,
        base: 0,
        finetune: 0,
      },
    })),
});
