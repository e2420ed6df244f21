import { join } from 'node:path';
import type { Store } from '@tollgate/core';
import { type LedgerRepository, type ReserveInput, verifyLedger } from '@tollgate/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from './create-sqlite-store.js';
import { useTemporaryDirectory } from './temporary-directory.test-helpers.js';

// The writes of one event-loop turn share one transaction, in which the ledger keeps the balance rows it read in
// memory and writes each changed row once before the commit. These tests compare a turn's worth of writes with the
// same writes made one per turn, where nothing is shared.
describe('the SQLite ledger, many writes in one turn', () => {
  const directory = useTemporaryDirectory();

  const opened: Store[] = [];
  afterEach(() => Promise.all(opened.splice(0).map((store) => store.close())));
  /** A connection to `name`.db in the test's directory, closed after the test. */
  const connect = (name: string) => {
    const store = createSqliteStore({ filename: join(directory(), `${name}.db`) });
    opened.push(store);
    return store;
  };
  const open = async (name: string) => {
    const store = connect(name);
    await store.migrate();
    return store;
  };

  const accounts = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
  const payAsYouGo = { includedNanoUsd: 1_000_000n, payAsYouGoLimitNanoUsd: undefined };
  const freeTier = { includedNanoUsd: 1_000_000n, payAsYouGoLimitNanoUsd: 0n };
  const reservation = (index: number): ReserveInput => ({
    accountId: accounts[index % 2] as string,
    // Two periods of one account in one turn: a held total spans both.
    period: index % 3 === 0 ? '2026-11' : '2026-12',
    requestId: `request-${index}`,
    attempt: 1,
    amountNanoUsd: 300_000n + BigInt(index),
    minimumNanoUsd: 1_000n,
    allowance: index % 2 === 0 ? payAsYouGo : freeTier,
    ...(index % 5 === 0 ? { includedOnly: true } : {}),
  });
  const balances = async (ledger: LedgerRepository) =>
    Promise.all(
      accounts.flatMap((accountId) =>
        ['2026-11', '2026-12'].map((period) => ledger.balance(accountId, period)),
      ),
    );

  it('leaves the balances that the same writes leave made one per turn', async () => {
    const batched = await open('batched');
    const single = await open('single');
    const indexes = Array.from({ length: 24 }, (_, index) => index);
    const heldTogether = await Promise.all(
      indexes.map((index) => batched.ledger.reserve(reservation(index))),
    );
    const heldAlone = [];
    for (const index of indexes) heldAlone.push(await single.ledger.reserve(reservation(index)));
    // Partial holds and refusals too: the Free account runs out of included credit within the turn.
    expect(heldTogether.map((result) => result.outcome)).toEqual(heldAlone.map((result) => result.outcome));
    expect(heldTogether.map((result) => result.outcome)).toContain('insufficient');
    expect(await balances(batched.ledger)).toEqual(await balances(single.ledger));

    const close = (ledger: LedgerRepository, index: number) =>
      index % 4 === 3
        ? ledger.release({ requestId: `request-${index}`, attempt: 1 })
        : ledger.settle({
            requestId: `request-${index}`,
            attempt: 1,
            costNanoUsd: 123_456n * BigInt(index),
          });
    const closedTogether = await Promise.all(indexes.map((index) => close(batched.ledger, index)));
    const closedAlone = [];
    for (const index of indexes) closedAlone.push(await close(single.ledger, index));
    expect(closedTogether.map((result) => result.outcome)).toEqual(
      closedAlone.map((result) => result.outcome),
    );
    expect(await balances(batched.ledger)).toEqual(await balances(single.ledger));
    expect((await balances(batched.ledger)).map((balance) => balance.heldNanoUsd)).toEqual([0n, 0n, 0n, 0n]);
    expect(verifyLedger(await batched.ledger.snapshot())).toEqual([]);
  });

  it('reserves against what earlier writes of the same turn left, holds and closings mixed', async () => {
    const store = await open('mixed');
    const accountId = accounts[1] as string;
    const first = {
      ...reservation(1),
      accountId,
      period: '2026-12',
      amountNanoUsd: 600_000n,
      minimumNanoUsd: 600_000n,
    };
    await store.ledger.reserve(first);
    // One turn: the first hold settles (charging 500,000 of the 1,000,000 included), then a hold asks for 600,000.
    const [settled, second] = await Promise.all([
      store.ledger.settle({ requestId: first.requestId, attempt: 1, costNanoUsd: 500_000n }),
      store.ledger.reserve({ ...first, requestId: 'request-second', minimumNanoUsd: 1_000n }),
    ]);
    expect(settled.outcome).toBe('settled');
    expect(second).toMatchObject({ outcome: 'held', hold: { amountNanoUsd: 500_000n } });
    expect(await store.ledger.balance(accountId, '2026-12')).toMatchObject({
      includedUsedNanoUsd: 500_000n,
      heldNanoUsd: 500_000n,
    });
  });

  it("counts a turn's unwritten closings in the held total a later reservation of the turn reads", async () => {
    const store = await open('held');
    const accountId = accounts[1] as string;
    const hold = (requestId: string, amountNanoUsd: bigint) =>
      store.ledger.reserve({ ...reservation(1), accountId, period: '2026-12', requestId, amountNanoUsd });
    await hold('first', 400_000n);
    await hold('second', 400_000n);
    // One turn: two closings of one period (the second's change to the held total waits for the commit), then a
    // reservation that can have all that is left: 1,000,000 included - 200,000 charged, nothing held.
    const [, , third] = await Promise.all([
      store.ledger.settle({ requestId: 'first', attempt: 1, costNanoUsd: 100_000n }),
      store.ledger.settle({ requestId: 'second', attempt: 1, costNanoUsd: 100_000n }),
      store.ledger.reserve({
        ...reservation(1),
        accountId,
        period: '2026-12',
        requestId: 'third',
        amountNanoUsd: 900_000n,
      }),
    ]);
    expect(third).toMatchObject({ outcome: 'held', hold: { amountNanoUsd: 800_000n } });
    expect(await store.ledger.balance(accountId, '2026-12')).toMatchObject({
      includedUsedNanoUsd: 200_000n,
      heldNanoUsd: 800_000n,
    });
  });

  it('keeps nothing of a turn whose shared transaction rolled back, and its good writes still land', async () => {
    const store = await open('rollback');
    const good = reservation(2);
    // A negative amount throws inside the shared transaction: it rolls back, then each write runs alone.
    const results = await Promise.allSettled([
      store.ledger.reserve(good),
      store.ledger.reserve({ ...reservation(4), amountNanoUsd: -1n }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
    expect((await store.ledger.balance(good.accountId, good.period)).heldNanoUsd).toBe(good.amountNanoUsd);
    await expect(
      store.ledger.settle({ requestId: good.requestId, attempt: 1, costNanoUsd: 1_000n }),
    ).resolves.toMatchObject({ outcome: 'settled' });
    expect(await store.ledger.balance(good.accountId, good.period)).toMatchObject({
      heldNanoUsd: 0n,
      includedUsedNanoUsd: 1_000n,
    });
    expect(verifyLedger(await store.ledger.snapshot())).toEqual([]);
  });

  it('closes each attempt of one request with its own hold, both open at once', async () => {
    const store = await open('attempts');
    const first = { ...reservation(2), amountNanoUsd: 500_000n };
    await store.ledger.reserve(first);
    await store.ledger.reserve({ ...first, attempt: 2, amountNanoUsd: 200_000n });
    await expect(
      store.ledger.settle({ requestId: first.requestId, attempt: 1, costNanoUsd: 400_000n }),
    ).resolves.toMatchObject({ outcome: 'settled', entry: { attempt: 1, amountNanoUsd: 400_000n } });
    await expect(store.ledger.release({ requestId: first.requestId, attempt: 2 })).resolves.toMatchObject({
      outcome: 'released',
      entry: { attempt: 2, amountNanoUsd: 200_000n },
    });
    expect(await store.ledger.balance(first.accountId, first.period)).toMatchObject({
      heldNanoUsd: 0n,
      includedUsedNanoUsd: 400_000n,
    });
    expect(verifyLedger(await store.ledger.snapshot())).toEqual([]);
  });

  it('does not close a hold twice when another connection closed it first', async () => {
    const [owner, other] = [connect('shared'), connect('shared')] as const;
    await owner.migrate();
    const hold = reservation(2);
    await owner.ledger.reserve(hold);
    // A crash reconciler on another connection settles the hold the owner still remembers as open.
    await expect(
      other.ledger.settle({ requestId: hold.requestId, attempt: 1, costNanoUsd: 7_000n }),
    ).resolves.toMatchObject({ outcome: 'settled' });
    await expect(owner.ledger.release({ requestId: hold.requestId, attempt: 1 })).resolves.toMatchObject({
      outcome: 'already-settled',
    });
    expect(await owner.ledger.balance(hold.accountId, hold.period)).toMatchObject({
      heldNanoUsd: 0n,
      includedUsedNanoUsd: 7_000n,
    });
    expect(verifyLedger(await owner.ledger.snapshot())).toEqual([]);
  });
});
