/** Conformance scenarios for a store's own methods: description, migrate, ping and close. */
import { describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { type CurrentStore, sampleMapping } from './store-conformance-fixtures.js';

/**
 * Registers the lifecycle scenarios. `current()` is the migrated store the suite manages; scenarios that
 * must see a store before `migrate()` or after `close()` open their own with `createStore`.
 */
export function describeStoreLifecycleConformance(
  current: CurrentStore,
  createStore: () => Promise<Store>,
): void {
  describe('lifecycle', () => {
    it('describes itself for logs', () => {
      expect(current().description).toEqual(expect.any(String));
      expect(current().description.trim()).not.toBe('');
    });

    it('migrates a new store twice without error, and is usable after', async () => {
      const store = await createStore();
      try {
        await store.migrate();
        await store.migrate();

        const alice = await store.users.create({ name: 'alice' });
        expect(await store.users.list()).toEqual([alice]);
      } finally {
        await store.close();
      }
    });

    it('keeps its data when migrated again', async () => {
      const alice = await current().users.create({ name: 'alice' });

      await current().migrate();

      expect(await current().users.list()).toEqual([alice]);
    });

    it('keeps its catalog and catalog revision when migrated again', async () => {
      const { record } = await current().catalog.upsert(sampleMapping());
      const revision = await current().catalog.revision();

      await current().migrate();

      expect(await current().catalog.list()).toEqual([record]);
      expect(await current().catalog.revision()).toBe(revision);
    });

    it('answers ping while open', async () => {
      expect(await current().ping()).toBe(true);
    });

    it('answers ping with false once closed, and can be closed twice', async () => {
      const store = await createStore();
      await store.migrate();

      await store.close();

      expect(await store.ping()).toBe(false);
      await expect(store.close()).resolves.toBeUndefined();
    });
  });
}
