/** The one settle step of both executors: at the metered cost now, or deferred to the provider's reported cost. */
import type { ProviderPluginV1 } from '@tollgate/provider-spec';
import type { CreditHold, CreditLedger, Settlement } from '../credits/credit-ledger.js';
import type { NanoUsd } from '../pricing/nano-usd.js';
import type { ProviderCostDeferral } from './provider-cost-deferral.js';

export interface SettleOrDeferArgs {
  readonly deferral: ProviderCostDeferral | undefined;
  readonly plugin: ProviderPluginV1;
  readonly hold: CreditHold;
  readonly credits: CreditLedger;
  readonly costNanoUsd: NanoUsd;
  /** The provider's response headers; undefined when there is no answer to read an id from (a queued job). */
  readonly headers: Readonly<Record<string, string>> | undefined;
}

export interface SettledOrDeferred {
  /** What the client is shown: the charge, or the placeholder (up to the hold) of a deferred request. */
  readonly settlement: Settlement;
  /** `pending`: the hold stays open until the provider cost reconciler closes it (decision 0021). */
  readonly providerCost?: 'pending';
}

/**
 * A charged request to a provider with a billing API that named it is deferred; every other one is settled.
 *
 * @example
 * const { settlement, providerCost } = await settleOrDefer({ deferral, plugin, hold, credits, costNanoUsd, headers });
 */
export async function settleOrDefer(args: SettleOrDeferArgs): Promise<SettledOrDeferred> {
  const { deferral, plugin, hold, credits, costNanoUsd, headers } = args;
  // Checked synchronously first: a provider without a billing API costs the hot path nothing more.
  if (headers !== undefined && credits.charges === true && deferral?.handles(plugin) === true) {
    const deferred = await deferral.defer({ plugin, hold, placeholderNanoUsd: costNanoUsd, headers });
    if (deferred !== undefined) return { settlement: deferred, providerCost: 'pending' };
  }
  return { settlement: await credits.settle(hold, costNanoUsd) };
}
