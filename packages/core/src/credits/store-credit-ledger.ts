/** The charging `CreditLedger`: holds and settles every request on the store's ledger, against the account's tier. */
import { AuthError, InsufficientCreditError } from '@tollgate/provider-spec';
import { type BilledAccount, billedAccountOf } from '../billing/billed-account.js';
import { allowanceOf, type BillingAccount } from '../billing/billing-account.js';
import { billingPeriodOf } from '../billing/billing-period.js';
import {
  type BillingTiers,
  DEFAULT_BILLING_TIERS,
  USER_TIERS,
  type UserTier,
} from '../billing/billing-tiers.js';
import type { NanoUsd } from '../pricing/nano-usd.js';
import type { BillingAccountRepository } from '../store/billing-account-repository.js';
import type { CheckpointedRequest, LedgerRecoveryRepository } from '../store/ledger-recovery-repository.js';
import type { LedgerRepository, ReserveResult, UserTierAllowances } from '../store/ledger-repository.js';
import type { CreditHold, CreditLedger, HoldRequest, Settlement } from './credit-ledger.js';
import { EstimatedProviderBlockedError } from './estimated-provider-blocked-error.js';

/** What a request whose worst-case cost is unknown holds: $0.01, or whatever is left below it. */
export const DEFAULT_UNBOUNDED_HOLD_NANO_USD: NanoUsd = 10_000_000n;

export interface StoreCreditLedgerOptions {
  readonly ledger: LedgerRepository;
  readonly billingAccounts: Pick<BillingAccountRepository, 'findUser' | 'findOrganization'>;
  readonly tiers?: BillingTiers;
  /** The clock that picks the billing period. */
  readonly now?: () => Date;
  readonly unboundedHoldNanoUsd?: NanoUsd;
  /** Where `checkpoint` writes (the store's `ledgerRecovery`); without it checkpoints are not kept. */
  readonly recovery?: Pick<LedgerRecoveryRepository, 'checkpoint'>;
}

/** The 402 message, in the words Hugging Face uses for the same condition. */
export function insufficientCreditMessage(tier: UserTier): string {
  if (tier === 'free') {
    return 'You have depleted your monthly included credits. Purchase pre-paid credits to continue using Inference Providers. Alternatively, subscribe to PRO to get 20x more included credits.';
  }
  return 'You have depleted your monthly included credits and your pre-paid credits, and your account cannot spend more this month. Purchase pre-paid credits to continue using Inference Providers.';
}

/** The 402 message for an organization's pooled credits (`X-HF-Bill-To`). */
export function organizationInsufficientCreditMessage(name: string, hasSpendingLimit: boolean): string {
  return hasSpendingLimit
    ? `The organization '${name}' has used its included credits and its pre-paid credits, and reached its spending limit for this month. An admin of '${name}' can raise the limit or add pre-paid credits.`
    : `The organization '${name}' has used its included credits and its pre-paid credits, and cannot spend more this month. An admin of '${name}' can add pre-paid credits.`;
}

/**
 * Bills the account `billedAccountOf` names: the principal's own (its tier), or the organization of `billTo`
 * (its plan's pooled seats, then pay-as-you-go up to its spending limit). A hold reserves the
 * request's worst case (`maxCostNanoUsd`, or `unboundedHoldNanoUsd` when it cannot be bounded, down to what is left)
 * in the current UTC month, and throws `InsufficientCreditError` (HTTP 402) when the account cannot pay (an
 * `includedCreditsOnly` request: `EstimatedProviderBlockedError`, once included credits cannot cover it); a
 * settlement charges the cost up to the hold; a release gives the hold back.
 *
 * @example
 * const credits = new StoreCreditLedger({ ledger: store.ledger, billingAccounts: store.billingAccounts });
 * const hold = await credits.hold({ requestId, principal, providerId, providerModelId, maxCostNanoUsd: 2_000_000n });
 * await credits.settle(hold, 1_234_567n);
 */
export class StoreCreditLedger implements CreditLedger {
  readonly charges = true;
  private readonly tiers: BillingTiers;
  private readonly now: () => Date;
  private readonly unboundedHoldNanoUsd: NanoUsd;
  private readonly userAllowances: UserTierAllowances;

  constructor(private readonly options: StoreCreditLedgerOptions) {
    this.tiers = options.tiers ?? DEFAULT_BILLING_TIERS;
    this.now = options.now ?? (() => new Date());
    this.unboundedHoldNanoUsd = options.unboundedHoldNanoUsd ?? DEFAULT_UNBOUNDED_HOLD_NANO_USD;
    const tiers = this.tiers;
    this.userAllowances = Object.freeze(
      Object.fromEntries(
        USER_TIERS.map((tier) => [tier, allowanceOf({ kind: 'user', id: '', tier }, tiers)]),
      ),
    ) as UserTierAllowances;
  }

  async hold(request: HoldRequest): Promise<CreditHold> {
    const billed = billedAccountOf(request);
    const attempt = request.attempt ?? 1;
    const amount = request.maxCostNanoUsd ?? this.unboundedHoldNanoUsd;
    const atLeast = request.minCostNanoUsd ?? (request.maxCostNanoUsd === undefined ? 1n : amount);
    const minimum = atLeast < amount ? atLeast : amount;
    const period = billingPeriodOf(this.now());
    const { ledger } = this.options;
    // Each input is one literal of one shape (the stores' hot paths stay monomorphic).
    let reserved: ReserveResult;
    let insufficient: string;
    if (billed.kind === 'user' && ledger.reserveForUser !== undefined) {
      // The store reads the user's tier in the same step as the balance: one trip instead of two.
      const found = await ledger.reserveForUser({
        userId: billed.id,
        period,
        requestId: request.requestId,
        attempt,
        amountNanoUsd: amount,
        minimumNanoUsd: minimum,
        allowances: this.userAllowances,
        ...(request.includedCreditsOnly === true ? { includedOnly: true } : {}),
      });
      if (found.outcome === 'unknown-user') throw accountGone(billed.name);
      reserved = found;
      insufficient = insufficientCreditMessage(found.tier);
    } else {
      const { account, message } = await this.accountOf(billed);
      reserved = await ledger.reserve({
        accountId: account.id,
        period,
        requestId: request.requestId,
        attempt,
        amountNanoUsd: amount,
        minimumNanoUsd: minimum,
        allowance: allowanceOf(account, this.tiers),
        ...(request.includedCreditsOnly === true ? { includedOnly: true } : {}),
      });
      insufficient = message;
    }
    if (reserved.outcome === 'insufficient') {
      if (request.includedCreditsOnly === true) {
        throw new EstimatedProviderBlockedError({
          providerId: request.providerId,
          organizationName: billed.kind === 'organization' ? billed.name : undefined,
        });
      }
      throw new InsufficientCreditError({ message: insufficient });
    }
    return {
      requestId: request.requestId,
      principal: request.principal,
      reservedNanoUsd: reserved.hold.amountNanoUsd,
      attempt,
      origin: request,
    };
  }

  /** The billing terms of the account, read fresh on every hold (a changed spending limit applies at once). */
  private async accountOf(
    billed: BilledAccount,
  ): Promise<{ readonly account: BillingAccount; readonly message: string }> {
    if (billed.kind === 'user') {
      const user = await this.options.billingAccounts.findUser(billed.id);
      if (user === undefined) throw accountGone(billed.name);
      return {
        account: { kind: 'user', id: user.userId, tier: user.tier },
        message: insufficientCreditMessage(user.tier),
      };
    }
    const organization = await this.options.billingAccounts.findOrganization(billed.id);
    if (organization === undefined) {
      throw new AuthError({
        message: `The organization '${billed.name}' no longer exists.`,
        status: 403,
        code: 'bill_to_organization_not_found',
      });
    }
    return {
      account: {
        kind: 'organization',
        id: organization.organizationId,
        plan: organization.plan,
        seats: organization.seats,
        spendingLimitNanoUsd: organization.spendingLimitNanoUsd,
      },
      message: organizationInsufficientCreditMessage(
        billed.name,
        organization.spendingLimitNanoUsd !== undefined,
      ),
    };
  }

  async settle(hold: CreditHold, costNanoUsd: NanoUsd): Promise<Settlement> {
    const settled = await this.options.ledger.settle({
      requestId: hold.requestId,
      attempt: hold.attempt ?? 1,
      costNanoUsd: costNanoUsd < 0n ? 0n : costNanoUsd,
    });
    if (settled.outcome === 'unknown-hold') {
      throw new Error(
        `No hold of request ${hold.requestId} (attempt ${hold.attempt ?? 1}) is in the ledger.`,
      );
    }
    return {
      costNanoUsd,
      chargedNanoUsd: settled.entry.kind === 'settle' ? settled.entry.amountNanoUsd : 0n,
    };
  }

  async checkpoint(hold: CreditHold, costSoFarNanoUsd: NanoUsd): Promise<void> {
    if (this.options.recovery === undefined || costSoFarNanoUsd <= 0n) return;
    await this.options.recovery.checkpoint({
      requestId: hold.requestId,
      attempt: hold.attempt ?? 1,
      costNanoUsd: costSoFarNanoUsd,
      updatedAt: this.now().toISOString(),
      ...(hold.origin ? { request: checkpointedRequestOf(hold.origin) } : {}),
    });
  }

  async release(hold: CreditHold): Promise<void> {
    const released = await this.options.ledger.release({
      requestId: hold.requestId,
      attempt: hold.attempt ?? 1,
    });
    if (released.outcome === 'unknown-hold') {
      throw new Error(
        `No hold of request ${hold.requestId} (attempt ${hold.attempt ?? 1}) is in the ledger.`,
      );
    }
  }
}

function accountGone(name: string): AuthError {
  return new AuthError({ message: `The account '${name}' no longer exists.` });
}

function checkpointedRequestOf(request: HoldRequest): CheckpointedRequest {
  return {
    userId: request.principal.userId,
    tokenId: request.principal.tokenId,
    ...(request.billTo ? { billedToOrganizationId: request.billTo.id } : {}),
    providerId: request.providerId,
    providerModelId: request.providerModelId,
    ...(request.hfModelId !== undefined ? { hfModelId: request.hfModelId } : {}),
    ...(request.task !== undefined ? { task: request.task } : {}),
    ...(request.billingMode !== undefined ? { billingMode: request.billingMode } : {}),
  };
}
