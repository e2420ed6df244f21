/** hf-inference's error bodies: `{"error": "..."}` everywhere, and the cold-model 503 with `estimated_time`. */
import { STATUS_CODES } from 'node:http';
import type { ProviderErrorDialect, SimulatedErrorResponse } from '../provider-profile.js';
import { requestProblemMessage } from '../request-problem-message.js';
import { withRetryAfter } from '../with-retry-after.js';

/**
 * `{"error": message}` with `status`, the shape every hf-inference error has (the inference server's
 * `JSONResponse({"error": ...})`).
 *
 * @example
 * hfError(400, 'No mask_token ([MASK]) found on the input'); // { status: 400, body: { error: 'No mask_token ...' } }
 */
export function hfError(status: number, message: string): SimulatedErrorResponse {
  return { status, body: { error: message } };
}

/**
 * The 503 a model that is not loaded yet answers, with the seconds it expects to need. Hugging Face's JS
 * client retries any 503 at once and without limit.
 *
 * @example
 * modelLoadingError('google-t5/t5-large', 20); // 503 { error: 'Model google-t5/t5-large is currently loading', estimated_time: 20 }
 */
export function modelLoadingError(model: string, estimatedSeconds: number): SimulatedErrorResponse {
  return {
    status: 503,
    body: { error: `Model ${model} is currently loading`, estimated_time: estimatedSeconds },
  };
}

/**
 * The router's answer for a model id hf-inference does not serve ("Model not supported by provider
 * hf-inference", HTTP 400, as observed on router.huggingface.co).
 */
export function modelNotSupportedError(): SimulatedErrorResponse {
  return hfError(400, 'Model not supported by provider hf-inference');
}

/**
 * The dialect. The 401 wording is the one observed for a bad token ("Invalid credentials in Authorization
 * header"); Hugging Face documents no body for a missing token, so the same one is used. Chat validation
 * errors carry TGI's `error_type: "validation"`.
 */
export const hfInferenceErrors: ProviderErrorDialect = {
  missingKey: () => hfError(401, 'Invalid credentials in Authorization header'),
  invalidKey: () => hfError(401, 'Invalid credentials in Authorization header'),
  invalidJson: () => hfError(400, 'Body is not valid JSON'),
  invalidRequest: (problem) => ({
    status: 422,
    body: { error: requestProblemMessage(problem), error_type: 'validation' },
  }),
  modelNotFound: () => modelNotSupportedError(),
  unknownRoute: (method, path) => hfError(404, `Cannot ${method} ${path}`),
  forStatus: (status, model) => {
    if (status === 503) return modelLoadingError(model ?? 'the model', 20);
    if (status === 429) return withRetryAfter(hfError(429, 'Rate limit reached. Please retry later.'));
    if (status === 500) return hfError(500, 'unknown error');
    return hfError(status, STATUS_CODES[status] ?? 'Error');
  },
};
