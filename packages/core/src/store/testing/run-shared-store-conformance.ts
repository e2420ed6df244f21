/**
 * The conformance suite for what a store keeps in its backing location (a file, a database schema): it outlives
 * the store object, and several store objects on one location — several gateway instances — act as one store.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { sampleMapping, sampleToken } from './store-conformance-fixtures.js';

/**
 * Where stores are opened: `reserve()` returns a new, empty location's opener; each `open()` call returns a new
 * store object (not yet migrated) on that one location.
 *
 * @example
 * runSharedStoreConformance('sqlite file', () => {
 *   const filename = join(directory, `${randomUUID()}.db`);
 *   return { open: () => createSqliteStore({ filename }) };
 * });
 */
export interface StoreLocation {
  open(): Store;
}

export function runSharedStoreConformance(name: string, reserve: () => StoreLocation): void {
  describe(`${name}: shared store conformance`, () => {
    const openMigrated = async (location: StoreLocation, count: number): Promise<Store[]> => {
      const stores = Array.from({ length: count }, () => location.open());
      await Promise.all(stores.map((store) => store.migrate()));
      return stores;
    };

    it('keeps users, tokens, the catalog and its revision across close and reopen', async () => {
      const location = reserve();
      const [first] = (await openMigrated(location, 1)) as [Store];
      const alice = await first.users.create({ name: 'alice' });
      const token = await first.tokens.insert(sampleToken(alice.id));
      const { record } = await first.catalog.upsert(sampleMapping({ metadata: { contextLength: 131_072 } }));
      const revision = await first.catalog.revision();
      await first.close();

      const [reopened] = (await openMigrated(location, 1)) as [Store];
      try {
        expect(await reopened.users.list()).toEqual([alice]);
        expect(await reopened.tokens.findActiveByHash(token.secretHash)).toEqual({ token, user: alice });
        expect(await reopened.catalog.list()).toEqual([record]);
        expect(await reopened.catalog.revision()).toBe(revision);
      } finally {
        await reopened.close();
      }
    });

    it("lets two instances see each other's writes, with one catalog revision", async () => {
      const [left, right] = (await openMigrated(reserve(), 2)) as [Store, Store];
      try {
        const alice = await left.users.create({ name: 'alice' });
        const token = await right.tokens.insert(sampleToken(alice.id));
        expect(await right.users.findByName('alice')).toEqual(alice);
        expect(await left.tokens.findActiveByHash(token.secretHash)).toEqual({ token, user: alice });
        expect(await right.tokens.revoke(token.id)).toBe(true);
        expect(await left.tokens.findActiveByHash(token.secretHash)).toBeUndefined();
        await expect(right.users.create({ name: 'alice' })).rejects.toMatchObject({ code: 'user_exists' });

        const { record } = await left.catalog.upsert(sampleMapping());
        expect(await right.catalog.revision()).toBe(await left.catalog.revision());
        expect(await right.catalog.findById(record.id)).toEqual(record);
        const before = await left.catalog.revision();
        await right.catalog.delete(record.id);
        expect(await left.catalog.revision()).toBeGreaterThan(before);
      } finally {
        await Promise.all([left.close(), right.close()]);
      }
    });

    it('leaves one catalog record when instances upsert one key at once', async () => {
      const stores = await openMigrated(reserve(), 4);
      try {
        const results = await Promise.all(
          stores.flatMap((store, index) =>
            [0, 1, 2].map((round) =>
              store.catalog.upsert(sampleMapping({ providerModelId: `variant-${index}-${round}` })),
            ),
          ),
        );

        expect(results.filter((result) => result.outcome === 'created')).toHaveLength(1);
        expect(new Set(results.map((result) => result.record.id)).size).toBe(1);
        expect(await stores[0]?.catalog.list()).toHaveLength(1);
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    });

    it('holds once when instances reserve one (request, attempt) at the same time, even for all the balance', async () => {
      const stores = await openMigrated(reserve(), 8);
      try {
        const input = {
          accountId: '11111111-1111-4111-8111-111111111111',
          period: '2026-03',
          requestId: 'twin',
          attempt: 1,
          amountNanoUsd: 100_000_000n,
          allowance: { includedNanoUsd: 100_000_000n, payAsYouGoLimitNanoUsd: 0n },
        };
        // Each instance's connection opened first, so the twins leave at nearly the same time. Whether one waits on
        // another's lock depends on timing here; a store whose twins can interleave should also force that case
        // (the PostgreSQL store does, in postgres-ledger-twin-reservations.test.ts).
        const warmUp = { ...input, accountId: '22222222-2222-4222-8222-222222222222', amountNanoUsd: 1n };
        await Promise.all(
          stores.map((store, index) => store.ledger.reserve({ ...warmUp, requestId: `warm-${index}` })),
        );
        const outcomes = await Promise.all(stores.map((store) => store.ledger.reserve(input)));

        const held = outcomes.filter((result) => result.outcome === 'held');
        expect(held).toHaveLength(1);
        const hold = held[0]?.outcome === 'held' ? held[0].hold : undefined;
        expect(outcomes.filter((result) => result.outcome === 'existing')).toEqual(
          Array.from({ length: 7 }, () => ({ outcome: 'existing', hold })),
        );
        expect((await stores[0]?.ledger.balance(input.accountId, input.period))?.heldNanoUsd).toBe(
          100_000_000n,
        );
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    });
  });
}
