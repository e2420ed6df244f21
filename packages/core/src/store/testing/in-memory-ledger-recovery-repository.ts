/** A `LedgerRecoveryRepository` in Maps, beside an in-memory (or any) ledger whose open holds it consults to prune. */

import type { LedgerCheckpoint, LedgerRecoveryRepository } from '../ledger-recovery-repository.js';
import type { HoldKey, LedgerRepository } from '../ledger-repository.js';

const holdKey = ({ requestId, attempt }: HoldKey): string => `${attempt} ${requestId}`;

/**
 * @example
 * const ledger = createInMemoryLedgerRepository();
 * const recovery = createInMemoryLedgerRecoveryRepository(ledger);
 */
export function createInMemoryLedgerRecoveryRepository(
  ledger: Pick<LedgerRepository, 'listOpenHolds'>,
): LedgerRecoveryRepository {
  const checkpoints = new Map<string, LedgerCheckpoint>();
  const leases = new Map<string, { holder: string; leaseUntil: string }>();
  return {
    async checkpoint(checkpoint) {
      const existing = checkpoints.get(holdKey(checkpoint));
      const costNanoUsd =
        existing !== undefined && existing.costNanoUsd > checkpoint.costNanoUsd
          ? existing.costNanoUsd
          : checkpoint.costNanoUsd;
      const request = existing?.request ?? checkpoint.request;
      checkpoints.set(holdKey(checkpoint), {
        ...checkpoint,
        costNanoUsd,
        ...(request !== undefined ? { request } : {}),
      });
    },
    async findCheckpoint(hold) {
      return checkpoints.get(holdKey(hold));
    },
    async pruneCheckpoints(updatedBefore) {
      const open = new Set((await ledger.listOpenHolds()).map(holdKey));
      let pruned = 0;
      for (const [key, checkpoint] of checkpoints) {
        if (checkpoint.updatedAt < updatedBefore && !open.has(key)) {
          checkpoints.delete(key);
          pruned += 1;
        }
      }
      return pruned;
    },
    async claimLease({ name, holder, now, leaseUntil }) {
      const lease = leases.get(name);
      if (lease !== undefined && lease.holder !== holder && lease.leaseUntil > now) return false;
      leases.set(name, { holder, leaseUntil });
      return true;
    },
    async releaseLease({ name, holder }) {
      if (leases.get(name)?.holder === holder) leases.delete(name);
    },
  };
}
