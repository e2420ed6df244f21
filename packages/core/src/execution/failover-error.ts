/** The error a request answers with when every provider it tried failed: the last failure, naming the others. */
import { UpstreamApiError, UpstreamOutputError } from '@tollgate/provider-spec';

export interface FailedAttempt {
  readonly providerId: string;
  readonly error: unknown;
}

function describeFailure(error: unknown): string {
  if (UpstreamOutputError.isInstance(error)) return 'invalid answer';
  if (!UpstreamApiError.isInstance(error)) return 'failed';
  if (error.reason === 'http')
    return error.upstreamStatus === undefined ? 'failed' : `HTTP ${error.upstreamStatus}`;
  return error.reason === 'connection' ? 'connection failed' : error.reason;
}

/**
 * The last attempt's error when it was the only provider involved; otherwise a copy of it (same status, type,
 * code and provider) whose message lists every provider tried and every one skipped for an open circuit.
 *
 * @example
 * throw failoverError([{ providerId: 'groq', error: first }, { providerId: 'together', error: second }], []);
 */
export function failoverError(attempts: readonly FailedAttempt[], skipped: readonly string[]): unknown {
  const last = attempts.at(-1)?.error;
  if (attempts.length < 2 && skipped.length === 0) return last;
  const tried = attempts
    .map(({ providerId, error }) => `${providerId} (${describeFailure(error)})`)
    .join(', ');
  const skips = skipped.length > 0 ? `; skipped ${skipped.join(', ')} (circuit open)` : '';
  const count = attempts.length === 1 ? 'one provider' : `${attempts.length} providers`;
  const note = `Tried ${count}: ${tried}${skips}.`;
  if (UpstreamApiError.isInstance(last)) {
    return new UpstreamApiError({
      message: `${last.message} ${note}`,
      providerId: last.providerId,
      ...(last.upstreamStatus !== undefined ? { upstreamStatus: last.upstreamStatus } : {}),
      upstreamBody: last.upstreamBody,
      isRetryable: last.isRetryable,
      reason: last.reason,
      ...(last.retryAfter !== undefined ? { retryAfter: last.retryAfter } : {}),
      cause: last,
    });
  }
  if (UpstreamOutputError.isInstance(last)) {
    return new UpstreamOutputError({
      message: `${last.message} ${note}`,
      providerId: last.providerId,
      cause: last,
    });
  }
  return last;
}
