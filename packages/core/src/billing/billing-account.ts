/** Who pays for a request: a user on a tier, or an organization on a plan with seats. */
import type { NanoUsd } from '../pricing/nano-usd.js';
import type { BillingTiers, OrganizationPlan, UserTier } from './billing-tiers.js';

export type BillingAccount =
  | { readonly kind: 'user'; readonly id: string; readonly tier: UserTier }
  | {
      readonly kind: 'organization';
      readonly id: string;
      /** Undefined for an organization without a Team or Enterprise subscription: it cannot be billed. */
      readonly plan: OrganizationPlan | undefined;
      readonly seats: number;
      /** The most it may spend pay-as-you-go in a billing period; undefined for no limit. */
      readonly spendingLimitNanoUsd: NanoUsd | undefined;
    };

/** What an account may spend in one billing period, as the ledger enforces it. */
export interface BillingAllowance {
  /** This period's included credits. */
  readonly includedNanoUsd: NanoUsd;
  /**
   * The most it may spend past included and prepaid credits this period: `0n` for a hard stop, undefined for no
   * limit.
   */
  readonly payAsYouGoLimitNanoUsd: NanoUsd | undefined;
}

const nothing: BillingAllowance = Object.freeze({ includedNanoUsd: 0n, payAsYouGoLimitNanoUsd: 0n });

/**
 * The allowance `account` has under `tiers`. An organization without a plan gets nothing (its prepaid credits, if
 * any, still count in the ledger).
 *
 * @example
 * allowanceOf({ kind: 'user', id, tier: 'free' }, DEFAULT_BILLING_TIERS);
 * // { includedNanoUsd: 100000000n, payAsYouGoLimitNanoUsd: 0n }
 */
export function allowanceOf(account: BillingAccount, tiers: BillingTiers): BillingAllowance {
  if (account.kind === 'user') {
    const tier = tiers[account.tier];
    return Object.freeze({
      includedNanoUsd: tier.includedNanoUsd,
      payAsYouGoLimitNanoUsd: tier.payAsYouGo ? undefined : 0n,
    });
  }
  if (account.plan === undefined) return nothing;
  const plan = tiers[account.plan];
  const seats = BigInt(Math.max(0, Math.trunc(account.seats)));
  return Object.freeze({
    includedNanoUsd: plan.perSeat ? plan.includedNanoUsd * seats : plan.includedNanoUsd,
    payAsYouGoLimitNanoUsd: plan.payAsYouGo ? account.spendingLimitNanoUsd : 0n,
  });
}
