/** The admin API's statuses for what the store refuses: taken names are 409, unknown accounts 404. */
import { GatewayError, InputError } from '@tollgate/provider-spec';

const CONFLICTS = new Set(['user_exists', 'organization_exists', 'token_exists', 'grant_conflict']);
const NOT_FOUND = new Set([
  'user_not_found',
  'organization_not_found',
  'account_not_found',
  'token_not_found',
]);

/**
 * `error` with the status a client of the admin API expects, keeping its message and code; other errors unchanged.
 *
 * @example await store.users.create({ name }).catch((error) => { throw adminStoreError(error); });
 */
export function adminStoreError(error: unknown): unknown {
  if (!InputError.isInstance(error) || error.code === undefined) return error;
  if (CONFLICTS.has(error.code)) return withStatus(error, 409, 'conflict_error');
  if (NOT_FOUND.has(error.code)) return withStatus(error, 404, 'not_found_error');
  return error;
}

/** A 404 naming what was not found. */
export function notFound(message: string, code: string, param: string): GatewayError {
  return new GatewayError({ message, status: 404, type: 'not_found_error', code, param });
}

function withStatus(error: InputError, status: number, type: string): GatewayError {
  return new GatewayError({
    message: error.message,
    status,
    type,
    code: error.code,
    ...(error.param !== undefined ? { param: error.param } : {}),
    cause: error,
  });
}
