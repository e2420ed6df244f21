import { join } from 'node:path';
import { verifyLedger } from '@tollgate/core';
import { runSpendingRace } from '@tollgate/core/testing';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from './create-sqlite-store.js';
import { useTemporaryDirectory } from './temporary-directory.test-helpers.js';

// Three connections to one file, as three gateway processes would hold: each reservation takes the file's write
// lock (BEGIN IMMEDIATE) before it reads the balance. They share one thread here, so this shows that a ledger
// written through one connection is read correctly through the others, not lock contention between processes.
describe('the SQLite ledger through several connections to one file', () => {
  const directory = useTemporaryDirectory();

  it('lets 500 requests over three connections spend all of a Free account and not a nano-dollar more', async () => {
    const filename = join(directory(), 'tollgate.db');
    const stores = [0, 1, 2].map(() => createSqliteStore({ filename }));
    try {
      for (const store of stores) await store.migrate();
      const accountId = '11111111-1111-4111-8111-111111111111';

      const report = await runSpendingRace(
        stores.map((store) => store.ledger),
        {
          accountId,
          period: '2026-03',
          allowance: { includedNanoUsd: 100_000_000n, payAsYouGoLimitNanoUsd: 0n },
          clients: 500,
          requestNanoUsd: 300_000n,
          failEvery: 7,
        },
      );

      expect(report.chargedNanoUsd).toBe(100_000_000n);
      expect(report.refused).toBe(500);
      const [first, , third] = stores as [(typeof stores)[0], unknown, (typeof stores)[0]];
      expect((await third.ledger.balance(accountId, '2026-03')).includedUsedNanoUsd).toBe(100_000_000n);
      expect(verifyLedger(await first.ledger.snapshot())).toEqual([]);
      // Holds take their sequences from a counter every connection reads under the write lock: never one twice.
      const sequences = (await third.ledger.listEntries()).map((entry) => entry.sequence);
      expect(new Set(sequences).size).toBe(sequences.length);
      expect(sequences.length).toBe(2 * (report.settled + report.released));
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});
