/**
 * The credit ledger: append-only entries (hold, settle, release, grant) per billing account, from which every
 * balance is derived. A store keeps materialized balance rows beside the entries, updated in the same transaction,
 * but the entries are the truth and `verifyLedger` checks the two agree.
 *
 * The contract, point by point (checked by `runStoreConformance`):
 *
 * - **Atomic reservation.** `reserve` holds `amountNanoUsd` (or, when `minimumNanoUsd` is lower, as much of it as
 *   is available and at least the minimum) only if the account's available credit covers it net of its open holds:
 *   included credits left this period, plus prepaid credits left, plus the pay-as-you-go allowance left this
 *   period (unlimited when `payAsYouGoLimitNanoUsd` is undefined). Concurrent reservations, from any number of
 *   store objects on one database, never hold more than is available.
 * - **Idempotence.** A hold is keyed by (request id, attempt); reserving it again returns the existing hold.
 *   Settling or releasing a hold that is already closed changes nothing and says how it was closed. A grant is
 *   keyed by its grant id.
 * - **Settlement.** `settle` charges `min(cost, held)`, spending this period's included credits first (the hold's
 *   period), then prepaid, then pay-as-you-go, and gives the rest of the hold back. `release` gives all of it back.
 * - **Included credits only.** A reservation with `includedOnly` (a provider not integrated with billing, decision
 *   0022) holds only what this period's included credits cover net of the period's other included-only holds (and
 *   never more than the account's available credit). Its settlement is paid from included credits alone, and the
 *   included credits such holds reserve are kept from every other settlement of the period, so prepaid credits and
 *   pay-as-you-go never pay for it, whatever settles first.
 * - **A user's own tier (optional).** `reserveForUser` is `reserve` on a user's own account, on the terms of the tier
 *   the store finds for the user in the same step (`users.tier`), so a hold costs one trip to the store, not a tier
 *   read and then a reservation; it says which tier it found, or that the user does not exist (nothing is held).
 * - **Periods.** Names as `billingPeriodOf` writes them (`YYYY-MM`); the caller says which period a hold or grant
 *   falls in. Included credits belong to one period; prepaid credits to the account, across periods.
 */
import type { BillingAllowance } from '../billing/billing-account.js';
import type { UserTier } from '../billing/billing-tiers.js';
import type { NanoUsd } from '../pricing/nano-usd.js';

export type LedgerEntryKind = 'hold' | 'settle' | 'release' | 'grant';

export interface LedgerEntry {
  /** Assigned by the store, increasing in the order entries were written. */
  readonly sequence: bigint;
  readonly accountId: string;
  readonly period: string;
  readonly kind: LedgerEntryKind;
  /** The request (for a hold and its closing) or the grant id (for a grant). */
  readonly requestId: string;
  /** The hold's attempt number; 0 for a grant. */
  readonly attempt: number;
  /** Held, charged, released or granted. */
  readonly amountNanoUsd: NanoUsd;
  /** For a settlement, what the request cost (the charge is never more than the hold). */
  readonly costNanoUsd: NanoUsd | undefined;
  /** For a settlement, how the charge was paid; zeros otherwise. */
  readonly includedNanoUsd: NanoUsd;
  readonly prepaidNanoUsd: NanoUsd;
  readonly payAsYouGoNanoUsd: NanoUsd;
  /** ISO-8601 UTC. */
  readonly createdAt: string;
  /** Set on a hold (and only on holds) reserved against included credits alone. */
  readonly includedOnly?: boolean;
}

export interface LedgerHold {
  readonly accountId: string;
  readonly period: string;
  readonly requestId: string;
  readonly attempt: number;
  readonly amountNanoUsd: NanoUsd;
  readonly createdAt: string;
  /** Reserved against included credits alone; paid from them alone. */
  readonly includedOnly?: boolean;
}

export interface ReserveInput {
  readonly accountId: string;
  readonly period: string;
  readonly requestId: string;
  /** 1 for a request's first provider; the next attempt after a release. */
  readonly attempt: number;
  /** What to hold; zero is always granted. */
  readonly amountNanoUsd: NanoUsd;
  /** The least worth holding; defaults to `amountNanoUsd` (all or nothing). */
  readonly minimumNanoUsd?: NanoUsd;
  /** What the account may spend in `period`, recorded on the period's balance. */
  readonly allowance: BillingAllowance;
  /** Hold (and later pay) only from this period's included credits: a provider not integrated with billing. */
  readonly includedOnly?: boolean;
}

export type ReserveResult =
  | { readonly outcome: 'held' | 'existing'; readonly hold: LedgerHold }
  | {
      readonly outcome: 'insufficient';
      /** What was available, net of open holds (an unlimited allowance is never insufficient). */
      readonly availableNanoUsd: NanoUsd;
    };

/** What each user tier may spend in a period, for a reservation that finds its user's tier itself. */
export type UserTierAllowances = Readonly<Record<UserTier, BillingAllowance>>;

export interface UserReserveInput extends Omit<ReserveInput, 'accountId' | 'allowance'> {
  /** The user whose own account pays: the account id is the user id. */
  readonly userId: string;
  readonly allowances: UserTierAllowances;
}

export type UserReserveResult =
  | (ReserveResult & {
      /** The tier the reservation found for the user, whose terms it used. */
      readonly tier: UserTier;
    })
  | { readonly outcome: 'unknown-user' };

export interface HoldKey {
  readonly requestId: string;
  readonly attempt: number;
}

export type SettleResult =
  | {
      readonly outcome: 'settled' | 'already-settled';
      /** The settlement entry. */
      readonly entry: LedgerEntry;
    }
  | { readonly outcome: 'already-released'; readonly entry: LedgerEntry }
  | { readonly outcome: 'unknown-hold' };

export type ReleaseResult =
  | { readonly outcome: 'released' | 'already-released' | 'already-settled'; readonly entry: LedgerEntry }
  | { readonly outcome: 'unknown-hold' };

export interface GrantInput {
  readonly accountId: string;
  readonly period: string;
  /** Idempotence key: granting the same id twice grants once. */
  readonly grantId: string;
  readonly amountNanoUsd: NanoUsd;
}

/** An account's position in one period, from its materialized balance rows. */
export interface LedgerBalance {
  readonly accountId: string;
  readonly period: string;
  /** The period's included credits, as last recorded by a reservation (0 before any). */
  readonly includedNanoUsd: NanoUsd;
  readonly includedUsedNanoUsd: NanoUsd;
  readonly payAsYouGoLimitNanoUsd: NanoUsd | undefined;
  readonly payAsYouGoUsedNanoUsd: NanoUsd;
  readonly prepaidGrantedNanoUsd: NanoUsd;
  readonly prepaidUsedNanoUsd: NanoUsd;
  /** Open holds of the account, whatever their period. */
  readonly heldNanoUsd: NanoUsd;
  /** Open included-only holds of this period: included credits no other settlement may take. */
  readonly includedHeldNanoUsd: NanoUsd;
}

export interface LedgerAccountBalanceRow {
  readonly accountId: string;
  readonly prepaidGrantedNanoUsd: NanoUsd;
  readonly prepaidUsedNanoUsd: NanoUsd;
  readonly heldNanoUsd: NanoUsd;
}

export interface LedgerPeriodBalanceRow {
  readonly accountId: string;
  readonly period: string;
  readonly includedNanoUsd: NanoUsd;
  readonly payAsYouGoLimitNanoUsd: NanoUsd | undefined;
  readonly includedUsedNanoUsd: NanoUsd;
  readonly payAsYouGoUsedNanoUsd: NanoUsd;
  readonly heldNanoUsd: NanoUsd;
  /** The period's open included-only holds. */
  readonly includedHeldNanoUsd: NanoUsd;
}

/** Everything `verifyLedger` reads: the entries and every materialized row. */
export interface LedgerSnapshot {
  readonly entries: readonly LedgerEntry[];
  readonly openHolds: readonly LedgerHold[];
  readonly accounts: readonly LedgerAccountBalanceRow[];
  readonly periods: readonly LedgerPeriodBalanceRow[];
}

export interface LedgerRepository {
  reserve(input: ReserveInput): Promise<ReserveResult>;
  /** Optional: `reserve` on the user's own account and current tier, read by the store in the same step. */
  reserveForUser?(input: UserReserveInput): Promise<UserReserveResult>;
  settle(hold: HoldKey & { readonly costNanoUsd: NanoUsd }): Promise<SettleResult>;
  release(hold: HoldKey): Promise<ReleaseResult>;
  /** Adds prepaid credits. */
  grant(
    input: GrantInput,
  ): Promise<{ readonly outcome: 'granted' | 'existing'; readonly entry: LedgerEntry }>;
  balance(accountId: string, period: string): Promise<LedgerBalance>;
  /** Holds neither settled nor released, oldest first: what a crash left open, for the reconciler. */
  listOpenHolds(options?: {
    readonly createdBefore?: string;
    readonly limit?: number;
  }): Promise<readonly LedgerHold[]>;
  /** The entries of one account (or all), in sequence order. */
  listEntries(options?: { readonly accountId?: string }): Promise<readonly LedgerEntry[]>;
  /** A consistent copy of the whole ledger, for `verifyLedger`. */
  snapshot(): Promise<LedgerSnapshot>;
}
