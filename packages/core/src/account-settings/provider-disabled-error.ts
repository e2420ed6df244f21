/** The answer to a request that names a provider its account disabled. */
import { AuthError } from '@tollgate/provider-spec';

/**
 * 403, not 400: the request is well formed and the provider exists, but the account's own settings (later also
 * its organization's) forbid it, so sending it again unchanged can never succeed; and not 503, which Hugging
 * Face's client would retry forever.
 *
 * @example throw providerDisabledError('groq');
 */
export function providerDisabledError(providerId: string): AuthError {
  return new AuthError({
    message: `Provider '${providerId}' is disabled in your inference provider settings; enable it there, or choose another provider.`,
    status: 403,
    code: 'provider_disabled',
  });
}
