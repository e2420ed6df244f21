/**
 * Requests whose provider reports the true cost later (a provider billing API, decision 0021): each row says which
 * hold waits for which provider request id, at what placeholder cost, and until when. The hold stays open in the
 * ledger meanwhile; the provider cost reconciler settles it at the reported cost or releases it at the deadline, and
 * then removes the row. Not ledger entries: the ledger stays the truth for money.
 *
 * The contract (checked by `describeProviderCostRepositoryConformance`):
 *
 * - **One row per hold.** `add` is idempotent by (request id, attempt): adding it again changes nothing.
 * - **Due rows.** `listDue` returns rows whose `askAfter` is at or before `now`, oldest `askAfter` first (ties by
 *   request id, then attempt), at most `limit`.
 * - **Removal.** `remove` deletes the row of a hold; removing one that is gone changes nothing.
 */
import type { NanoUsd } from '../pricing/nano-usd.js';
import type { HoldKey } from './ledger-repository.js';

export interface PendingProviderCost extends HoldKey {
  readonly providerId: string;
  /** The provider's id of the request, from its response header: what the billing API is asked about. */
  readonly providerRequestId: string;
  /** The metered (rate-card) cost the client was shown; what the request costs until the provider says. */
  readonly placeholderCostNanoUsd: NanoUsd;
  /** ISO-8601 UTC: when the request ended. */
  readonly createdAt: string;
  /** ISO-8601 UTC: not asked about before this (the provider's delay). */
  readonly askAfter: string;
  /** ISO-8601 UTC: unpriced after this, the request is not charged. */
  readonly deadline: string;
}

export interface ProviderCostRepository {
  add(pending: PendingProviderCost): Promise<'added' | 'existing'>;
  find(hold: HoldKey): Promise<PendingProviderCost | undefined>;
  listDue(options: { readonly now: string; readonly limit: number }): Promise<readonly PendingProviderCost[]>;
  remove(hold: HoldKey): Promise<void>;
}
