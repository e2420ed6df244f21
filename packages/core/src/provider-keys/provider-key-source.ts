/** What the executors ask before calling a provider: does the caller route with a key of their own? */
import type { Principal } from '../auth/principal.js';
import type { BilledOrganization } from '../billing/billed-account.js';

export interface ProviderKeySource {
  /**
   * The provider keys a request of `principal` (billed to `billTo`, if given) is routed with, by provider id: empty
   * when there are none. A provider in it is called with that key and the provider bills it, not credits.
   */
  keysFor(principal: Principal, billTo?: BilledOrganization): Promise<ReadonlyMap<string, string>>;
}

/**
 * How a request is paid for: with the gateway's key against credits (`routed`; `estimated` when the provider is not
 * integrated with billing, so its charge is the rate card times the estimated cost factor and only included credits
 * pay it, decision 0022), or with the caller's own key by the provider (`custom-key`).
 */
export type BillingMode = 'routed' | 'estimated' | 'custom-key';

export const noProviderKeys: ProviderKeySource = {
  keysFor: async () => new Map(),
};
