/**
 * The media fetcher for a kernel: the same URL policy, dispatcher and timeouts as the kernel's own upstream
 * calls (`createKernel({ upstream })`), so a sandbox that allows its simulator's origin allows it here too.
 */
import { coreTokens, type Kernel } from '@tollgate/core';
import { createProviderMediaFetcher, type ProviderMediaFetcher } from './fetch-provider-media.js';

/**
 * Resolved on first use, since routes are registered before the kernel may be started.
 *
 * @example
 * const fetchMedia = kernelMediaFetcher(kernel);
 * const { bytes } = await fetchMedia({ url, providerId: 'replicate', signal });
 */
export function kernelMediaFetcher(kernel: Kernel, limitBytes?: number): ProviderMediaFetcher {
  let fetcher: ProviderMediaFetcher | undefined;
  return (request) => {
    fetcher ??= createProviderMediaFetcher({
      upstream: kernel.resolve(coreTokens.upstreamCallOptions),
      ...(limitBytes !== undefined ? { limitBytes } : {}),
    });
    return fetcher(request);
  };
}
