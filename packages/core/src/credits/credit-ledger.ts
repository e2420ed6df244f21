/** Reserves what a request may cost before it is forwarded, and settles what it did cost afterwards. */
import type { Principal } from '../auth/principal.js';
import type { BilledOrganization } from '../billing/billed-account.js';
import type { NanoUsd } from '../pricing/nano-usd.js';
import type { BillingMode } from '../provider-keys/provider-key-source.js';

export interface CreditHold {
  readonly requestId: string;
  readonly principal: Principal;
  /** What was reserved; the settlement never exceeds it. */
  readonly reservedNanoUsd: NanoUsd;
  /** The attempt of `HoldRequest` this hold was taken for (1 when absent). */
  readonly attempt?: number;
  /** What the hold was taken for; a checkpoint keeps it, so a crash's reconciler can record the request. */
  readonly origin?: HoldRequest;
}

export interface HoldRequest {
  readonly requestId: string;
  readonly principal: Principal;
  /** The organization that pays (`X-HF-Bill-To`); the principal's own account when absent (`billedAccountOf`). */
  readonly billTo?: BilledOrganization;
  readonly providerId: string;
  readonly providerModelId: string;
  /** The worst-case cost of the request, when it can be bounded. */
  readonly maxCostNanoUsd: NanoUsd | undefined;
  /**
   * The least the request can be served for (e.g. its input alone, with `max_tokens` clamped to what is held). When
   * given, a balance short of `maxCostNanoUsd` but above this is held in full; the caller reads `reservedNanoUsd`.
   * Without it, the worst case is held or nothing is.
   */
  readonly minCostNanoUsd?: NanoUsd;
  /**
   * 1 for the first provider tried. When it fails before answering, its hold is released and the next provider's
   * is taken with the next number, under the same request id: at most one hold of a request is open at a time.
   */
  readonly attempt?: number;
  /**
   * Hold against, and later pay from, the billed account's included credits only: the provider is not integrated
   * with billing (decision 0022). A ledger that does not charge ignores it.
   */
  readonly includedCreditsOnly?: boolean;
  /** The Hub model and task, for the request record a crash's reconciler writes (decision 0020). */
  readonly hfModelId?: string;
  readonly task?: string;
  readonly billingMode?: BillingMode;
}

export interface Settlement {
  readonly costNanoUsd: NanoUsd;
  /** What was charged to the account (zero for a ledger that does not charge). */
  readonly chargedNanoUsd: NanoUsd;
}

export interface CreditLedger {
  /**
   * True for a ledger that charges accounts: the executor then prices each request's worst case before holding,
   * lowers its output cap to what the hold pays for, and reports the charge. A ledger that charges nothing leaves
   * it unset, and requests go upstream as they came.
   */
  readonly charges?: boolean;
  /** Throws `InsufficientCreditError` when the account cannot pay. */
  hold(request: HoldRequest): Promise<CreditHold>;
  settle(hold: CreditHold, costNanoUsd: NanoUsd): Promise<Settlement>;
  /** Gives the reservation back: the request failed and costs nothing. */
  release(hold: CreditHold): Promise<void>;
  /**
   * Records the cost a running request has reached (a long stream, every few seconds at most), so that if this
   * instance dies the crash reconciler settles the hold at that cost instead of releasing it. Optional: a ledger that
   * does not charge has nothing to record.
   */
  checkpoint?(hold: CreditHold, costSoFarNanoUsd: NanoUsd): Promise<void>;
}
