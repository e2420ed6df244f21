/**
 * HTTP 402 for a provider not integrated with billing once the billed account's included credits are spent (decision
 * 0022): only included credits pay for such a provider, never prepaid credits or pay-as-you-go. A subclass of
 * `InsufficientCreditError`, so clients see the same status, type and code; the executor tells it apart to fail over
 * to a provider the account can still pay for.
 */
import { InsufficientCreditError } from '@tollgate/provider-spec';

/**
 * @example
 * estimatedProviderBlockedMessage('nscale'); // "Provider 'nscale' is not integrated with billing: ..."
 */
export function estimatedProviderBlockedMessage(providerId: string, organizationName?: string): string {
  const credits =
    organizationName === undefined
      ? 'your monthly included credits'
      : `the monthly included credits of the organization '${organizationName}'`;
  return `Provider '${providerId}' is not integrated with billing: it is charged an estimate, and only ${credits} can pay for it (not pre-paid credits or pay-as-you-go). They are spent for this month. Use a provider integrated with billing, or your own ${providerId} key.`;
}

export class EstimatedProviderBlockedError extends InsufficientCreditError {
  readonly providerId: string;

  constructor({
    providerId,
    organizationName,
  }: { providerId: string; organizationName?: string | undefined }) {
    super({ message: estimatedProviderBlockedMessage(providerId, organizationName) });
    this.name = 'EstimatedProviderBlockedError';
    this.providerId = providerId;
  }
}
