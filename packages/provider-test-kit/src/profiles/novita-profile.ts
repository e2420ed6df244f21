/**
 * Novita's OpenAI API under `/v3/openai`: lower-case `org/name` model ids, errors as `{code, reason, message,
 * metadata}` with Novita's reason names (`INVALID_API_KEY`, `MODEL_NOT_FOUND`, `RATE_LIMIT_EXCEEDED`, ...), and
 * a models list (`{data: [...]}`, no `object`) whose prices are integers in 0.0001 USD per million tokens.
 *
 * Read from Novita's docs: the paths, the status/reason table (401 INVALID_API_KEY, 403 NOT_ENOUGH_BALANCE,
 * 404 MODEL_NOT_FOUND, 429 RATE_LIMIT_EXCEEDED, 500 MODEL_NOT_AVAILABLE), the models list fields. Modelled: the
 * message wording, `INVALID_REQUEST_BODY` for a 400, and vLLM-style completion ids. No request-id header is
 * documented, so none is sent. Beside chat it serves the async video API (see `novita/novita-video-routes.ts`).
 */
import { NOVITA_VIDEO_ROUTES } from './novita/novita-video-routes.js';
import { createOpenAIStyleProfile } from './openai-style-profile.js';
import type { SimulatedErrorResponse } from './provider-profile.js';
import { randomAlphanumeric } from './random-ids.js';
import { requestProblemMessage } from './request-problem-message.js';
import { withRetryAfter } from './with-retry-after.js';

const REASONS: Readonly<Record<number, string>> = {
  400: 'INVALID_REQUEST_BODY',
  401: 'INVALID_API_KEY',
  403: 'NOT_ENOUGH_BALANCE',
  404: 'MODEL_NOT_FOUND',
  429: 'RATE_LIMIT_EXCEEDED',
  500: 'MODEL_NOT_AVAILABLE',
};

function novitaError(status: number, message: string, reason?: string): SimulatedErrorResponse {
  const fallback = status >= 500 ? 'SERVICE_NOT_AVAILABLE' : 'INVALID_REQUEST_BODY';
  return {
    status,
    body: { code: status, reason: reason ?? REASONS[status] ?? fallback, message, metadata: {} },
  };
}

function novitaForStatus(status: number, model: string | undefined): SimulatedErrorResponse {
  if (status === 401) return novitaProfile.errors.invalidKey();
  if (status === 404 && model) return novitaProfile.errors.modelNotFound(model);
  if (status === 429)
    return withRetryAfter(novitaError(429, 'You have exceeded the rate limit, please try again later.'));
  if (status === 403) return novitaError(403, 'Your credit is not enough, please top up.');
  if (status >= 500) return novitaError(status, 'The requested model is not available now.');
  return novitaError(status, 'The request is invalid.');
}

/** USD per million tokens as Novita lists it: an integer of 0.0001 USD. */
const novitaPrice = (usdPerMillion: number | undefined): number => Math.round((usdPerMillion ?? 0) * 10_000);

export const novitaProfile = createOpenAIStyleProfile({
  id: 'novita',
  displayName: 'Novita AI',
  basePath: '/v3/openai',
  taskRoutes: NOVITA_VIDEO_ROUTES,
  models: [
    {
      id: 'meta-llama/llama-3.3-70b-instruct',
      ownedBy: 'meta-llama',
      contextLength: 131072,
      pricing: { input: 0.39, output: 0.39 },
    },
  ],
  newToolCallId: () => `call_${randomAlphanumeric(24)}`,
  errors: {
    missingKey: () => novitaError(401, 'The API key is invalid. Check your API key in Key Management.'),
    invalidKey: () => novitaError(401, 'The API key is invalid. Check your API key in Key Management.'),
    invalidJson: () => novitaError(400, 'Invalid JSON in request body.'),
    invalidRequest: (problem) => novitaError(400, requestProblemMessage(problem)),
    modelNotFound: (model) => novitaError(404, `The requested model ${model} is not found.`),
    unknownRoute: (method, path) => novitaError(404, `${method} ${path} not found`, 'NOT_FOUND'),
    forStatus: novitaForStatus,
  },
  modelList: (models) => ({
    data: models.map((model) => ({
      created: 1733560109,
      id: model.id,
      object: 'model',
      input_token_price_per_m: novitaPrice(model.pricing?.input),
      output_token_price_per_m: novitaPrice(model.pricing?.output),
      title: model.id,
      description: `${model.id} on Novita AI`,
      context_size: model.contextLength,
    })),
  }),
});
