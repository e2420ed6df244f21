/**
 * Hyperbolic's OpenAI-compatible API: every stream chunk carries a running `usage` (prompt tokens, and the
 * completion tokens generated so far), not just the last one; models keep their Hub ids.
 *
 * Read: the paths and Hub-style ids (Hyperbolic's docs), the running usage on every chunk (Hugging Face's
 * recorded Hyperbolic streams). Modelled: errors, which Hyperbolic does not document; they follow the flat
 * `{object: 'error', message, type, param, code}` body of the vLLM servers it runs. No request-id header is
 * documented, so none is sent.
 */
import { STATUS_CODES } from 'node:http';
import { hyperbolicImageRoute } from './hyperbolic/hyperbolic-image-route.js';
import { openAIModelList } from './openai-model-list.js';
import { createOpenAIStyleProfile } from './openai-style-profile.js';
import type { ChunkKind, CompletionFacts, SimulatedErrorResponse } from './provider-profile.js';
import { randomAlphanumeric } from './random-ids.js';
import { requestProblemMessage } from './request-problem-message.js';
import { vllmUsage } from './token-usage.js';
import { withRetryAfter } from './with-retry-after.js';

function hyperbolicError(status: number, message: string, type: string): SimulatedErrorResponse {
  return { status, body: { object: 'error', message, type, param: null, code: status } };
}

/** Completion tokens streamed so far per answer, for the running usage on each chunk. */
const tokensSoFar = new WeakMap<CompletionFacts, number>();

function runningCompletionTokens(kind: ChunkKind, facts: CompletionFacts): number {
  const total = facts.plan.completionTokens;
  if (kind === 'finish' || kind === 'usage') return total;
  if (kind === 'role') return 0;
  const count = Math.min(total, (tokensSoFar.get(facts) ?? 0) + 1);
  tokensSoFar.set(facts, count);
  return count;
}

function hyperbolicForStatus(status: number, model: string | undefined): SimulatedErrorResponse {
  if (status === 401) return hyperbolicProfile.errors.invalidKey();
  if (status === 404 && model) return hyperbolicProfile.errors.modelNotFound(model);
  if (status === 429)
    return withRetryAfter(
      hyperbolicError(429, 'Rate limit exceeded. Please try again later.', 'RateLimitError'),
    );
  if (status >= 500)
    return hyperbolicError(status, STATUS_CODES[status] ?? 'Internal Server Error', 'InternalServerError');
  return hyperbolicError(status, STATUS_CODES[status] ?? 'Bad Request', 'BadRequestError');
}

export const hyperbolicProfile = createOpenAIStyleProfile({
  id: 'hyperbolic',
  displayName: 'Hyperbolic',
  basePath: '/v1',
  taskRoutes: [hyperbolicImageRoute(() => hyperbolicProfile.errors)],
  models: [
    { id: 'meta-llama/Llama-3.3-70B-Instruct', ownedBy: 'Hyperbolic', contextLength: 131072 },
    { id: 'meta-llama/Meta-Llama-3.1-8B-Instruct', ownedBy: 'Hyperbolic', contextLength: 131072 },
    { id: 'deepseek-ai/DeepSeek-V3-0324', ownedBy: 'Hyperbolic', contextLength: 131072 },
    { id: 'deepseek-ai/DeepSeek-R1-0528', ownedBy: 'Hyperbolic', contextLength: 131072 },
    { id: 'Qwen/Qwen3-235B-A22B', ownedBy: 'Hyperbolic', contextLength: 131072 },
    { id: 'Qwen/Qwen2.5-72B-Instruct', ownedBy: 'Hyperbolic', contextLength: 131072 },
  ],
  newCompletionId: () => `chatcmpl-${randomAlphanumeric(22)}`,
  newRequestId: () => randomAlphanumeric(22),
  newToolCallId: () => `chatcmpl-tool-${randomAlphanumeric(32)}`,
  errors: {
    missingKey: () => hyperbolicError(401, 'Missing API key', 'AuthenticationError'),
    invalidKey: () => hyperbolicError(401, 'Invalid API key', 'AuthenticationError'),
    invalidJson: () => hyperbolicError(400, 'Invalid JSON in request body', 'BadRequestError'),
    invalidRequest: (problem) => hyperbolicError(400, requestProblemMessage(problem), 'BadRequestError'),
    modelNotFound: (model) => hyperbolicError(404, `The model \`${model}\` does not exist.`, 'NotFoundError'),
    unknownRoute: () => ({ status: 404, body: { detail: 'Not Found' } }),
    forStatus: hyperbolicForStatus,
  },
  usage: (facts) => vllmUsage(facts.plan),
  decorateChunk: (chunk, kind, facts) => ({
    ...chunk,
    usage: vllmUsage({
      promptTokens: facts.plan.promptTokens,
      completionTokens: runningCompletionTokens(kind, facts),
    }),
  }),
  modelList: (models) => openAIModelList(models, { created: 1735689600 }),
});
