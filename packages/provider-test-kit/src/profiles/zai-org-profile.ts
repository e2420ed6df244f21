/**
 * Z.ai's chat API under `/api/paas/v4`: answers and chunks have no `object` field, every delta repeats
 * `role: 'assistant'`, the finishing chunk carries `finish_reason` and the usage (with cache hits), ids are a
 * Beijing-time timestamp plus 16 hex digits and come back again as `request_id`, tool-call ids are `call_-`
 * and a number, and errors are `{error: {code, message}}` with Z.ai's string business codes.
 *
 * Read: the paths, the response and chunk shapes, ids and usage (recorded Z.ai exchanges), the business codes
 * (Z.ai's error-code table: 1001/1002 authentication, 1211 unknown model, 1214 invalid parameter, 1222 unknown
 * API, 1302 concurrency limit, 500 internal error). Modelled: HTTP 400 for 1211 and 1214, and the models route,
 * which Z.ai does not document (the simulator lists its catalog there for tooling). The shared stream builder
 * also sends OpenAI's separate usage chunk when `include_usage` is set, which Z.ai does not: Z.ai reports usage
 * only on the finishing chunk. No request-id header is documented, so none is sent. Beside chat it serves the
 * async image API (see `zai-org/zai-org-image-routes.ts`).
 */
import { randomBytes } from 'node:crypto';
import { openAIModelList } from './openai-model-list.js';
import { createOpenAIStyleProfile } from './openai-style-profile.js';
import type { CompletionFacts, SimulatedErrorResponse } from './provider-profile.js';
import { openAIUsage } from './token-usage.js';
import { withRetryAfter } from './with-retry-after.js';
import { zaiId } from './zai-org/zai-org-id.js';
import { ZAI_ORG_IMAGE_ROUTES } from './zai-org/zai-org-image-routes.js';

/** `call_-` and 19 digits, the shape of Z.ai's tool-call ids. */
function zaiToolCallId(): string {
  const digits = [...randomBytes(19)].map((byte) => String(byte % 10)).join('');
  return `call_-${digits.replace(/^0/, '1')}`;
}

function zaiError(status: number, code: string, message: string): SimulatedErrorResponse {
  return { status, body: { error: { code, message } } };
}

function zaiUsage(facts: CompletionFacts): Record<string, unknown> {
  return openAIUsage(facts.plan, { prompt_tokens_details: { cached_tokens: 0 } });
}

function zaiForStatus(status: number, model: string | undefined): SimulatedErrorResponse {
  if (status === 401) return zaiOrgProfile.errors.invalidKey();
  if (status === 429) {
    return withRetryAfter(
      zaiError(
        429,
        '1302',
        'High concurrency usage of this API, please reduce concurrency or contact customer service to increase limits',
      ),
    );
  }
  if (status === 400 && model) return zaiOrgProfile.errors.modelNotFound(model);
  if (status >= 500) return zaiError(status, '500', 'Internal Error');
  return zaiError(status, '1210', 'Incorrect API call parameters, please check the documentation');
}

/** A Z.ai delta: the role on every one, the rest of the OpenAI delta as is. */
function zaiChoice(choice: Record<string, unknown>, finishing: boolean): Record<string, unknown> {
  const delta = (choice.delta ?? {}) as Record<string, unknown>;
  if (finishing) {
    return {
      index: choice.index,
      finish_reason: choice.finish_reason,
      delta: { role: 'assistant', content: '' },
    };
  }
  return { index: choice.index, delta: { role: 'assistant', ...delta } };
}

export const zaiOrgProfile = createOpenAIStyleProfile({
  id: 'zai-org',
  displayName: 'Z.ai',
  basePath: '/api/paas/v4',
  taskRoutes: ZAI_ORG_IMAGE_ROUTES,
  models: [
    { id: 'glm-5.3', ownedBy: 'z-ai', contextLength: 1048576, pricing: { input: 1.4, output: 4.4 } },
    { id: 'glm-5.2', ownedBy: 'z-ai', contextLength: 1048576, pricing: { input: 1.4, output: 4.4 } },
    { id: 'glm-5.1', ownedBy: 'z-ai', contextLength: 202752, pricing: { input: 1.4, output: 4.4 } },
    { id: 'glm-4.7', ownedBy: 'z-ai', contextLength: 204800, pricing: { input: 0.6, output: 2.2 } },
    { id: 'glm-4.7-flash', ownedBy: 'z-ai', contextLength: 200000, pricing: { input: 0, output: 0 } },
  ],
  newCompletionId: zaiId,
  newRequestId: zaiId,
  newToolCallId: zaiToolCallId,
  sendsRoleChunk: false,
  errors: {
    missingKey: () =>
      zaiError(401, '1001', 'Authentication parameter not received in Header, unable to authenticate'),
    invalidKey: () =>
      zaiError(
        401,
        '1002',
        'Invalid Authentication Token, please confirm the correct transmission of the Authentication Token',
      ),
    invalidJson: () => zaiError(400, '1210', 'Incorrect API call parameters, please check the documentation'),
    invalidRequest: (problem) =>
      zaiError(
        400,
        '1214',
        `Invalid ${problem.param ?? 'request'} parameter. Please check the documentation`,
      ),
    modelNotFound: () => zaiError(400, '1211', 'Model does not exist, please check the model code'),
    unknownRoute: (_method, path) => zaiError(404, '1222', `API ${path} does not exist`),
    forStatus: zaiForStatus,
  },
  usage: zaiUsage,
  decorateCompletion: (completion, facts) => {
    const { object: _noObject, choices, ...rest } = completion;
    const zaiChoices = (choices as Record<string, unknown>[]).map((choice) => {
      const message = choice.message as Record<string, unknown>;
      const toolCalls = message.tool_calls as Record<string, unknown>[] | undefined;
      return {
        finish_reason: choice.finish_reason,
        index: choice.index,
        message: {
          ...message,
          ...(toolCalls ? { tool_calls: toolCalls.map((call, index) => ({ ...call, index })) } : {}),
        },
      };
    });
    return { ...rest, choices: zaiChoices, request_id: facts.completionId };
  },
  decorateChunk: (chunk, kind, facts) => {
    const { object: _noObject, choices, ...rest } = chunk;
    if (kind === 'usage') return { ...rest, choices };
    const finishing = kind === 'finish';
    const zaiChoices = (choices as Record<string, unknown>[]).map((choice) => zaiChoice(choice, finishing));
    return finishing
      ? { ...rest, choices: zaiChoices, usage: zaiUsage(facts) }
      : { ...rest, choices: zaiChoices };
  },
  modelList: (models) => openAIModelList(models, { created: 1763510400 }),
});
