/**
 * Replicate's error bodies: RFC 7807 problem details, `{title, detail, status}`, sent as
 * `application/problem+json`; input validation failures (422) add `invalid_fields`.
 */
import { STATUS_CODES } from 'node:http';
import type { ProviderErrorDialect, SimulatedErrorResponse } from '../provider-profile.js';

const PROBLEM_HEADERS = { 'content-type': 'application/problem+json' };

/**
 * @example
 * replicateProblem(404, 'Not found', 'The requested resource could not be found.');
 * // { status: 404, body: { title: 'Not found', detail: 'The requested resource could not be found.', status: 404 } }
 */
export function replicateProblem(
  status: number,
  title: string,
  detail: string,
  extra: Readonly<Record<string, unknown>> = {},
): SimulatedErrorResponse {
  return { status, body: { title, detail, status, ...extra }, headers: PROBLEM_HEADERS };
}

export interface InvalidField {
  readonly type: string;
  readonly field: string;
  readonly description: string;
}

/** A 422 for inputs the model's schema refuses; `detail` lists each problem on its own `- ` line. */
export function inputValidationFailed(fields: readonly InvalidField[]): SimulatedErrorResponse {
  const detail = fields.map((field) => `- ${field.field}: ${field.description}\n`).join('');
  return replicateProblem(422, 'Input validation failed', detail, { invalid_fields: fields });
}

export const replicateErrors: ProviderErrorDialect = {
  missingKey: () => replicateProblem(401, 'Unauthenticated', 'You did not pass an authentication token'),
  invalidKey: () => replicateProblem(401, 'Unauthenticated', 'You did not pass a valid authentication token'),
  invalidJson: () =>
    replicateProblem(
      400,
      'Bad request',
      'The request body could not be parsed as JSON. Check that it is valid JSON.',
    ),
  invalidRequest: (problem) =>
    inputValidationFailed([
      { type: problem.code ?? 'invalid', field: problem.param ?? 'input', description: problem.message },
    ]),
  modelNotFound: () => replicateProblem(404, 'Not found', 'The requested resource could not be found.'),
  unknownRoute: () => replicateProblem(404, 'Not found', 'The requested resource could not be found.'),
  forStatus: (status) => {
    if (status === 401) return replicateErrors.invalidKey();
    if (status === 402) {
      return replicateProblem(
        402,
        'Insufficient credit',
        'You have insufficient credit to run this model. Go to https://replicate.com/account/billing#billing to purchase credit. Once you purchase credit, please wait a few minutes before retrying.',
      );
    }
    if (status === 404) return replicateErrors.modelNotFound('');
    if (status === 429) {
      const throttled = replicateProblem(
        429,
        'Request was throttled.',
        'Request was throttled. Your rate limit resets in ~1s.',
      );
      return { ...throttled, headers: { ...PROBLEM_HEADERS, 'retry-after': '1' } };
    }
    const title = STATUS_CODES[status] ?? 'Error';
    return replicateProblem(status, title, status >= 500 ? 'Something went wrong on our end.' : title);
  },
};
