/**
 * The request path's half of provider-reported costs (decision 0021): when a charged request to a provider with a
 * billing API has been answered, its hold is left open and a pending row is written instead of a settlement, so the
 * provider cost reconciler can settle it at the provider's cost later. The client is shown the placeholder.
 */
import {
  PROVIDER_COST_DEADLINE_MS,
  type ProviderBillingApiV1,
  type ProviderPluginV1,
} from '@tollgate/provider-spec';
import type { CreditHold, Settlement } from '../credits/credit-ledger.js';
import { type KernelLogger, silentLogger } from '../kernel/logger.js';
import type { NanoUsd } from '../pricing/nano-usd.js';
import type { ProviderCostRepository } from '../store/provider-cost-repository.js';

export interface ProviderCostDeferralOptions {
  readonly repository: Pick<ProviderCostRepository, 'add'>;
  /** The billing API of each provider that has one (`billingApiOf`). */
  readonly billingApis: ReadonlyMap<string, ProviderBillingApiV1>;
  /** Unpriced this long after the request ended, it is not charged; default 30 minutes. */
  readonly deadlineMs?: number;
  readonly logger?: KernelLogger;
  readonly now?: () => Date;
}

export interface DeferArgs {
  readonly plugin: ProviderPluginV1;
  readonly hold: CreditHold;
  /** The metered cost: what the request is shown to cost until the provider says. */
  readonly placeholderNanoUsd: NanoUsd;
  /** The provider's response headers (lower-cased names). */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/**
 * @example
 * const deferral = new ProviderCostDeferral({ repository: store.providerCosts, billingApis });
 * const settlement = (await deferral.defer({ plugin, hold, placeholderNanoUsd, headers })) ?? (await credits.settle(hold, cost));
 */
export class ProviderCostDeferral {
  private readonly deadlineMs: number;
  private readonly logger: KernelLogger;
  private readonly now: () => Date;

  constructor(private readonly options: ProviderCostDeferralOptions) {
    this.deadlineMs = options.deadlineMs ?? PROVIDER_COST_DEADLINE_MS;
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? (() => new Date());
  }

  /** Whether the provider reports its costs later (it has a billing API). */
  handles(plugin: ProviderPluginV1): boolean {
    return this.options.billingApis.has(plugin.id);
  }

  /** The provider's id of the request when the provider reports its costs later and named it; else undefined. */
  providerRequestIdOf(
    plugin: ProviderPluginV1,
    headers: Readonly<Record<string, string | string[] | undefined>>,
  ): string | undefined {
    const billingApi = this.options.billingApis.get(plugin.id);
    if (billingApi === undefined) return undefined;
    const value = headers[billingApi.requestIdHeader.toLowerCase()];
    const id = (Array.isArray(value) ? value[0] : value)?.trim();
    return id === undefined || id === '' ? undefined : id;
  }

  /**
   * Leaves the hold open for the reconciler and answers what the client is shown (the placeholder, up to the hold);
   * undefined when the request is to be settled now: the provider has no billing API, named no request id, or the
   * pending row could not be written (then the metered cost is charged, as without a billing API).
   */
  async defer({ plugin, hold, placeholderNanoUsd, headers }: DeferArgs): Promise<Settlement | undefined> {
    const billingApi = this.options.billingApis.get(plugin.id);
    if (billingApi === undefined) return undefined;
    const providerRequestId = this.providerRequestIdOf(plugin, headers);
    if (providerRequestId === undefined) {
      this.logger.warn(
        { requestId: hold.requestId, provider: plugin.id, header: billingApi.requestIdHeader },
        'The provider named no request id, so its billing API cannot price the request; it is charged its metered cost',
      );
      return undefined;
    }
    const endedAt = this.now();
    try {
      await this.options.repository.add({
        requestId: hold.requestId,
        attempt: hold.attempt ?? 1,
        providerId: plugin.id,
        providerRequestId,
        placeholderCostNanoUsd: placeholderNanoUsd,
        createdAt: endedAt.toISOString(),
        askAfter: new Date(endedAt.getTime() + (billingApi.delayMs ?? 0)).toISOString(),
        deadline: new Date(endedAt.getTime() + this.deadlineMs).toISOString(),
      });
    } catch (error) {
      this.logger.error(
        { err: error, requestId: hold.requestId, provider: plugin.id },
        'Could not record the request for its provider-reported cost; it is charged its metered cost',
      );
      return undefined;
    }
    return {
      costNanoUsd: placeholderNanoUsd,
      chargedNanoUsd: placeholderNanoUsd > hold.reservedNanoUsd ? hold.reservedNanoUsd : placeholderNanoUsd,
    };
  }
}
