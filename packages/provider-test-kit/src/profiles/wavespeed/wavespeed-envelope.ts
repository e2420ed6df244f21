/** WaveSpeed's `{code, message, data}` envelope, for answers and error bodies alike. */
import type { ProviderErrorDialect, SimulatedErrorResponse } from '../provider-profile.js';
import { requestProblemMessage } from '../request-problem-message.js';
import { withRetryAfter } from '../with-retry-after.js';

/**
 * An answer in WaveSpeed's envelope: `code` repeats the HTTP status, `message` is `success` on success.
 *
 * @example
 * wavespeedEnvelope(200, { id: 'a1', status: 'created' }); // { code: 200, message: 'success', data: { … } }
 */
export function wavespeedEnvelope(code: number, data: unknown, message = 'success'): Record<string, unknown> {
  return { code, message, data };
}

/** An error in the same envelope, with no `data`. */
export function wavespeedError(status: number, message: string): SimulatedErrorResponse {
  return { status, body: wavespeedEnvelope(status, null, message) };
}

/**
 * WaveSpeed's error answers. The envelope and its `code` are documented (every response names `code` and
 * `message`); the wording of each message is modelled.
 */
export const WAVESPEED_ERRORS: ProviderErrorDialect = {
  missingKey: () => wavespeedError(401, 'Unauthorized: missing API key in the Authorization header'),
  invalidKey: () => wavespeedError(401, 'Unauthorized: invalid API key'),
  invalidJson: () => wavespeedError(400, 'Invalid request body: expected a JSON object'),
  invalidRequest: (problem) => wavespeedError(400, requestProblemMessage(problem)),
  modelNotFound: (model) => wavespeedError(404, `Model not found: ${model}`),
  unknownRoute: (method, path) => wavespeedError(404, `Not found: ${method} ${path}`),
  forStatus: (status) => {
    if (status === 401) return WAVESPEED_ERRORS.invalidKey();
    if (status === 402) return wavespeedError(402, 'Insufficient balance, please top up your account');
    if (status === 429) return withRetryAfter(wavespeedError(429, 'Too many requests, please slow down'));
    if (status >= 500) return wavespeedError(status, 'Internal server error, please try again later');
    return wavespeedError(status, 'Invalid request');
  },
};
