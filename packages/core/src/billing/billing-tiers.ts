/**
 * What each kind of billing account gets every month and may spend beyond it: tiers as data, so an operator can
 * override them, with defaults from the Hugging Face pricing pages.
 */
import type { NanoUsd } from '../pricing/nano-usd.js';

/** A user's own subscription. */
export type UserTier = 'free' | 'pro';

/** An organization's subscription; organizations without one cannot be billed. */
export type OrganizationPlan = 'team' | 'enterprise';

export type BillingTierId = UserTier | OrganizationPlan;

export const USER_TIERS: readonly UserTier[] = ['free', 'pro'];
export const ORGANIZATION_PLANS: readonly OrganizationPlan[] = ['team', 'enterprise'];

export interface BillingTier {
  readonly displayName: string;
  /** The subscription price per month (per seat for organizations); shown, never charged by the gateway. */
  readonly monthlyPriceNanoUsd: NanoUsd;
  /**
   * Credits granted at the start of each UTC calendar month (per seat for organizations, pooled); unused credits do
   * not roll over.
   */
  readonly includedNanoUsd: NanoUsd;
  /** Whether the account is pooled across seats: its included credits are `includedNanoUsd` times its seats. */
  readonly perSeat: boolean;
  /**
   * Whether spending may continue past included and prepaid credits, billed afterwards. False is a hard stop: once
   * both are spent, requests get HTTP 402.
   */
  readonly payAsYouGo: boolean;
}

export type BillingTiers = Readonly<Record<BillingTierId, BillingTier>>;

/**
 * The Hugging Face Inference Providers terms: Free $0.10 a month and a hard stop; PRO $9/month with $2.00 included
 * then pay-as-you-go; Team $20 per seat and Enterprise, both $2.00 per seat pooled then pay-as-you-go (an
 * organization may cap that with a spending limit). Enterprise pricing is custom, so no price is shown.
 */
export const DEFAULT_BILLING_TIERS: BillingTiers = Object.freeze({
  free: Object.freeze({
    displayName: 'Free',
    monthlyPriceNanoUsd: 0n,
    includedNanoUsd: 100_000_000n,
    perSeat: false,
    payAsYouGo: false,
  }),
  pro: Object.freeze({
    displayName: 'PRO',
    monthlyPriceNanoUsd: 9_000_000_000n,
    includedNanoUsd: 2_000_000_000n,
    perSeat: false,
    payAsYouGo: true,
  }),
  team: Object.freeze({
    displayName: 'Team',
    monthlyPriceNanoUsd: 20_000_000_000n,
    includedNanoUsd: 2_000_000_000n,
    perSeat: true,
    payAsYouGo: true,
  }),
  enterprise: Object.freeze({
    displayName: 'Enterprise',
    monthlyPriceNanoUsd: 0n,
    includedNanoUsd: 2_000_000_000n,
    perSeat: true,
    payAsYouGo: true,
  }),
});

/**
 * The default tiers with `overrides` laid over them, field by field (e.g. from configuration).
 *
 * @example
 * const tiers = resolveBillingTiers({ free: { includedNanoUsd: 50_000_000n } });
 */
export function resolveBillingTiers(
  overrides: Partial<Record<BillingTierId, Partial<BillingTier>>> = {},
  defaults: BillingTiers = DEFAULT_BILLING_TIERS,
): BillingTiers {
  const resolved = {} as Record<BillingTierId, BillingTier>;
  for (const id of [...USER_TIERS, ...ORGANIZATION_PLANS]) {
    const tier = { ...defaults[id], ...overrides[id] };
    if (tier.includedNanoUsd < 0n || tier.monthlyPriceNanoUsd < 0n) {
      throw new RangeError(`The ${id} tier cannot have a negative price or included credit.`);
    }
    resolved[id] = Object.freeze(tier);
  }
  return Object.freeze(resolved);
}
