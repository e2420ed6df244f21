/**
 * No call was made because every provider the request may use has an open circuit. 502, never 503: Hugging Face's
 * JS client retries a 503 at once and without limit, which would hammer the gateway for the whole cool-down.
 */
import { GatewayError } from '@tollgate/provider-spec';

export class CircuitOpenError extends GatewayError {
  /** The provider, when there was only one (pinned, or the only candidate); the host names it in `x-inference-provider`. */
  readonly providerId: string | undefined;
  /** When the first of the circuits lets a trial call through. */
  readonly retryInMs: number;

  constructor({
    message,
    providerId,
    retryInMs,
  }: {
    message: string;
    providerId: string | undefined;
    retryInMs: number;
  }) {
    super({ message, status: 502, type: 'upstream_error', code: 'provider_circuit_open' });
    this.name = 'CircuitOpenError';
    this.providerId = providerId;
    this.retryInMs = retryInMs;
  }
}
