/**
 * What the crash reconciler needs beside the ledger: checkpoints (the metered cost a long request had reached, written
 * now and then while it runs) and named leases (so one gateway instance of many reconciles at a time). Neither is
 * part of the ledger's truth: the ledger stays append-only, and a checkpoint only tells the reconciler what an orphaned
 * hold should be settled at.
 *
 * The contract (checked by `runStoreConformance`):
 *
 * - **Checkpoints only grow.** `checkpoint` keeps the highest cost written for a (request id, attempt), so a late or
 *   repeated write never lowers what a crashed request is charged. The `request` of the first write that has one
 *   is kept; later writes do not change it.
 * - **Leases.** `claimLease` takes the named lease when it is free, expired, or already the claimant's (a renewal),
 *   and says whether it did; two claimants never both hold an unexpired lease. `releaseLease` gives it up when held.
 * - **Pruning.** `pruneCheckpoints` deletes checkpoints last written before a time whose hold is no longer open.
 */
import type { NanoUsd } from '../pricing/nano-usd.js';
import type { BillingMode } from '../provider-keys/provider-key-source.js';
import type { HoldKey } from './ledger-repository.js';

export interface LedgerCheckpoint extends HoldKey {
  /** The cost metered so far: the least the request will be charged if its instance dies now. */
  readonly costNanoUsd: NanoUsd;
  /** ISO-8601 UTC of the latest write. */
  readonly updatedAt: string;
  /**
   * Who made the request and where it went, kept from its first checkpoint on: the instance that would have
   * recorded the request is gone, so the reconciler records it from this (the usage API then explains the charge).
   */
  readonly request?: CheckpointedRequest;
}

export interface CheckpointedRequest {
  readonly userId: string;
  readonly tokenId: string;
  readonly billedToOrganizationId?: string;
  readonly providerId: string;
  readonly providerModelId: string;
  readonly hfModelId?: string;
  readonly task?: string;
  readonly billingMode?: BillingMode;
}

export interface LeaseClaim {
  readonly name: string;
  /** A random id per gateway instance. */
  readonly holder: string;
  /** ISO-8601 UTC: the claimant's clock now. */
  readonly now: string;
  /** ISO-8601 UTC: when the lease runs out unless renewed. */
  readonly leaseUntil: string;
}

export interface LedgerRecoveryRepository {
  /** Records the cost a request has reached; keeps the highest written, and the first `request` given. */
  checkpoint(checkpoint: LedgerCheckpoint): Promise<void>;
  findCheckpoint(hold: HoldKey): Promise<LedgerCheckpoint | undefined>;
  /** Deletes checkpoints written before `updatedBefore` whose hold is closed; returns how many. */
  pruneCheckpoints(updatedBefore: string): Promise<number>;
  claimLease(claim: LeaseClaim): Promise<boolean>;
  releaseLease(lease: { readonly name: string; readonly holder: string }): Promise<void>;
}
