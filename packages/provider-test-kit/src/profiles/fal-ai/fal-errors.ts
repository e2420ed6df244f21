/** fal's error bodies: FastAPI's `{detail}`, a list of field problems for invalid input, a string otherwise. */
import type { ProviderErrorDialect, SimulatedErrorResponse } from '../provider-profile.js';

/** fal's field problem, Pydantic's shape: where (`['body', 'prompt']`), what, and a machine-readable type. */
export interface FalFieldProblem {
  readonly loc: readonly (string | number)[];
  readonly msg: string;
  readonly type: string;
}

/** The request-error types fal documents, with the status each typically comes with. */
const REQUEST_ERROR_TYPES: Readonly<Record<number, { readonly type: string; readonly detail: string }>> = {
  503: { type: 'runner_scheduling_failure', detail: 'No runner could be allocated to handle the request' },
  504: { type: 'request_timeout', detail: 'Request timed out' },
};

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

/**
 * `{detail: "<text>"}` at `status`.
 *
 * @example
 * falDetail(404, 'Request not found'); // { status: 404, body: { detail: 'Request not found' } }
 */
export function falDetail(status: number, detail: string): SimulatedErrorResponse {
  return { status, body: { detail } };
}

/**
 * A model's validation error, 422 with the list of field problems (fal's "model errors").
 *
 * @example
 * falValidationError([{ loc: ['body', 'prompt'], msg: 'Field required', type: 'missing' }]);
 */
export function falValidationError(problems: readonly FalFieldProblem[]): SimulatedErrorResponse {
  return { status: 422, body: { detail: problems } };
}

/**
 * An infrastructure failure, fal's "request errors": a flat `{detail, error_type}` body with the same type in
 * the `X-Fal-Error-Type` header.
 *
 * @example
 * falRequestError(504); // { status: 504, body: { detail: 'Request timed out', error_type: 'request_timeout' }, headers: { 'x-fal-error-type': 'request_timeout' } }
 */
export function falRequestError(status: 503 | 504, detail?: string): SimulatedErrorResponse {
  const known = REQUEST_ERROR_TYPES[status]!;
  return {
    status,
    body: { detail: detail ?? known.detail, error_type: known.type },
    headers: { 'x-fal-error-type': known.type },
  };
}

/**
 * Read from fal's docs: 422 bodies with a `detail` list of `{loc, msg, type}` for invalid input, and
 * `{detail, error_type}` with `X-Fal-Error-Type` for request errors (504 `request_timeout`, 503
 * `runner_scheduling_failure`). Modelled: the wording of the key, route and model errors, which fal does not
 * document (third-party clients report `{detail: ...}` strings for them).
 */
export const FAL_ERRORS: ProviderErrorDialect = {
  missingKey: () => falDetail(401, 'Authorization header is required'),
  invalidKey: () => falDetail(401, 'Invalid API key'),
  invalidJson: () =>
    falValidationError([{ loc: ['body', 0], msg: 'JSON decode error', type: 'json_invalid' }]),
  invalidRequest: (problem) =>
    falValidationError([
      {
        loc: ['body', ...(problem.param ? problem.param.split('.') : [])],
        msg: problem.message,
        type: problem.code ?? 'value_error',
      },
    ]),
  modelNotFound: (model) => falDetail(404, `Application '${model}' not found`),
  unknownRoute: () => falDetail(404, 'Not Found'),
  forStatus: (status) => {
    if (status === 503 || status === 504) return falRequestError(status);
    if (status === 422)
      return falValidationError([{ loc: ['body'], msg: 'Invalid input', type: 'value_error' }]);
    return falDetail(status, STATUS_TEXT[status] ?? `HTTP ${status}`);
  },
};
