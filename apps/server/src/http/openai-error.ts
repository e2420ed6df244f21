/**
 * Turns any error into the status and OpenAI-style body a client sees; internals never leak into the body.
 *
 * Status policy for failures that are not the caller's: a provider's 4xx passes through (429 with its
 * `Retry-After`), a provider's 5xx, a broken answer and a connection error are 502, a timeout 504, and an open
 * circuit breaker (`CircuitOpenError`) 502. Nothing here answers 503: Hugging Face's JS client retries a 503 at once
 * and without limit, so a 503 for a condition that lasts (a provider down, a model nobody serves) turns one request
 * into a loop. The gateway's only 503s are the drain of a shutting-down instance and `/ready`, both with an end.
 */
import { MasterKeyError } from '@tollgate/core';
import { GatewayError } from '@tollgate/provider-spec';
import { HttpRequestError } from '../inference/http-request-error.js';

export interface OpenAiErrorBody {
  readonly error: {
    readonly message: string;
    readonly type: string;
    readonly code: string | null;
    readonly param: string | null;
  };
}

export interface OpenAiErrorResponse {
  readonly status: number;
  readonly body: OpenAiErrorBody;
  /** True when the error is a fault of the gateway (the caller cannot fix it); log it in full. */
  readonly internal: boolean;
}

interface ValidationIssue {
  readonly instancePath?: string;
  readonly params?: { readonly missingProperty?: unknown; readonly additionalProperty?: unknown };
}

interface FrameworkError {
  readonly statusCode?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly validation?: readonly ValidationIssue[];
}

/** Builds an OpenAI-style error body. */
export function openAiErrorBody(
  message: string,
  type: string,
  code?: string,
  param?: string,
): OpenAiErrorBody {
  return { error: { message, type, code: code ?? null, param: param ?? null } };
}

/** `/messages/0/role` -> `messages.0.role`; a missing property names itself. */
function paramOf(issue: ValidationIssue | undefined): string | undefined {
  if (!issue) return undefined;
  const path = (issue.instancePath ?? '').split('/').filter(Boolean);
  if (typeof issue.params?.missingProperty === 'string') path.push(issue.params.missingProperty);
  if (typeof issue.params?.additionalProperty === 'string') path.push(issue.params.additionalProperty);
  return path.length > 0 ? path.join('.') : undefined;
}

const FRAMEWORK_CODES: Readonly<Record<string, string>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'request_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
};

function frameworkClientError(error: FrameworkError): OpenAiErrorResponse | undefined {
  if (Array.isArray(error.validation)) {
    const described = typeof error.message === 'string' ? error.message : 'The request body is invalid.';
    // ajv's "must NOT have additional properties" does not say which one.
    const extra = error.validation[0]?.params?.additionalProperty;
    const message = typeof extra === 'string' ? `${described}: '${extra}'` : described;
    return {
      status: 400,
      body: openAiErrorBody(
        message,
        'invalid_request_error',
        'invalid_request',
        paramOf(error.validation[0]),
      ),
      internal: false,
    };
  }
  const status = error.statusCode;
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (typeof error.code !== 'string' || !error.code.startsWith('FST_')) return undefined;
  const message =
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
      ? 'The request body is not valid JSON.'
      : String(error.message);
  return {
    status,
    body: openAiErrorBody(message, 'invalid_request_error', FRAMEWORK_CODES[error.code] ?? 'invalid_request'),
    internal: false,
  };
}

/**
 * @example
 * const { status, body } = openAiErrorFor(new InputError({ message: 'bad' }));
 * // 400, { error: { message: 'bad', type: 'invalid_request_error', code: 'invalid_request', param: null } }
 */
export function openAiErrorFor(error: unknown): OpenAiErrorResponse {
  // Its message names environment variables, key ids and account ids: for the operator's log, not the caller.
  if (MasterKeyError.isInstance(error)) {
    return {
      status: 500,
      body: openAiErrorBody(
        "This gateway cannot use its stored provider keys: it is misconfigured. Its operator's log says why (look for this response's x-request-id).",
        'server_error',
        error.code,
      ),
      internal: true,
    };
  }
  if (GatewayError.isInstance(error)) {
    return {
      status: error.status,
      body: openAiErrorBody(error.message, error.type, error.code, error.param),
      internal: error.status >= 500 && error.type === 'server_error',
    };
  }
  if (error instanceof HttpRequestError) {
    return {
      status: error.status,
      body: openAiErrorBody(error.message, 'invalid_request_error', error.code),
      internal: false,
    };
  }
  if (error != null && typeof error === 'object') {
    const clientError = frameworkClientError(error as FrameworkError);
    if (clientError) return clientError;
  }
  return {
    status: 500,
    body: openAiErrorBody(
      'The server had an error while processing your request.',
      'server_error',
      'internal_error',
    ),
    internal: true,
  };
}
