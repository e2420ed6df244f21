/**
 * Which failures are the provider's fault, as opposed to the request's: they move an automatically routed request
 * to the next candidate and count against the provider's circuit breaker.
 */
import { UpstreamApiError, UpstreamOutputError } from '@tollgate/provider-spec';

/**
 * Connection errors, timeouts, 429 and 5xx, and 2xx answers that break the provider's API. Not a 4xx (another
 * provider would refuse the same request), not a client abort, not a queued job the provider ran and failed (it
 * may have failed because of its input), and nothing a plugin marked as not retryable.
 *
 * @example isProviderFault(new UpstreamApiError({ message: 'busy', providerId: 'groq', upstreamStatus: 503 })); // true
 */
export function isProviderFault(error: unknown): boolean {
  if (UpstreamOutputError.isInstance(error)) return true;
  if (!UpstreamApiError.isInstance(error) || !error.isRetryable) return false;
  if (error.reason === 'timeout' || error.reason === 'connection') return true;
  const status = error.upstreamStatus;
  return error.reason === 'http' && status !== undefined && (status === 429 || status >= 500);
}

/** True when the provider answered (with anything but a fault): it is up, whatever it thought of the request. */
export function isProviderAnswer(error: unknown): boolean {
  return UpstreamApiError.isInstance(error) && error.upstreamStatus !== undefined && !isProviderFault(error);
}
