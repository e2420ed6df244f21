/**
 * The ledger's sequence counter, read once per transaction and written once before its commit. A hold takes its
 * sequence before it has an entry of its own (its closing entry records it, migration 19), so sequences cannot be the
 * rowids SQLite would choose; the counter is read inside the transaction's write lock, so no other connection hands
 * out the same number.
 */
import type { TransactionScope } from './turn-batched-writer.js';

export interface LedgerSequenceStatements {
  readonly selectLast: () => { get(): bigint | undefined };
  readonly updateLast: () => { run(last: bigint): unknown };
}

export interface LedgerSequence extends TransactionScope {
  /** The sequence the next entry of this transaction gets. */
  peek(): bigint;
  /** Hands out the sequence `peek` returned. */
  take(): bigint;
}

/**
 * @example
 * const sequence = createLedgerSequence(statements);
 * const hold = sequence.peek(); // insert the hold with it, then, if the insert changed a row:
 * sequence.take();
 */
export function createLedgerSequence(statements: LedgerSequenceStatements): LedgerSequence {
  let last: bigint | undefined;
  let changed = false;
  const peek = (): bigint => {
    if (last === undefined) last = statements.selectLast().get() ?? 0n;
    return last + 1n;
  };
  return {
    peek,
    take() {
      const next = peek();
      last = next;
      changed = true;
      return next;
    },
    finish() {
      if (changed && last !== undefined) statements.updateLast().run(last);
      changed = false;
    },
    settle() {
      // Read afresh in the next transaction: another connection may hand out sequences in between.
      last = undefined;
      changed = false;
    },
  };
}
