import { join } from 'node:path';
import type { CatalogMappingInput } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from './create-sqlite-store.js';
import { useTemporaryDirectory } from './temporary-directory.test-helpers.js';

const llamaOnGroq: CatalogMappingInput = {
  type: 'single',
  hfModelId: 'meta-llama/Llama-3.3-70B-Instruct',
  providerId: 'groq',
  providerModelId: 'llama-3.3-70b-versatile',
  task: 'conversational',
  status: 'live',
  origin: 'plugin',
};

describe('the SQLite catalog on a file', () => {
  const directory = useTemporaryDirectory();

  it('keeps mappings and the revision across close and reopen', async () => {
    const filename = join(directory(), 'catalog.db');
    const first = createSqliteStore({ filename });
    await first.migrate();
    const { record } = await first.catalog.upsert({ ...llamaOnGroq, metadata: { contextLength: 131_072 } });
    await first.catalog.setStatus(record.id, 'error');
    const revision = await first.catalog.revision();
    await first.close();

    const reopened = createSqliteStore({ filename });
    await reopened.migrate();

    expect(await reopened.catalog.list()).toEqual([
      { ...record, status: 'error', updatedAt: expect.any(String) },
    ]);
    expect(await reopened.catalog.revision()).toBe(revision);
    await reopened.close();
  });

  it("gives two stores on one file one revision: each sees the other's writes", async () => {
    const filename = join(directory(), 'shared.db');
    const left = createSqliteStore({ filename });
    const right = createSqliteStore({ filename });
    await Promise.all([left.migrate(), right.migrate()]);

    const { record } = await left.catalog.upsert(llamaOnGroq);
    expect(await right.catalog.revision()).toBe(await left.catalog.revision());
    expect(await right.catalog.findById(record.id)).toEqual(record);

    const before = await left.catalog.revision();
    await right.catalog.delete(record.id);
    expect(await left.catalog.revision()).toBeGreaterThan(before);
    expect(await left.catalog.list()).toEqual([]);
    await Promise.all([left.close(), right.close()]);
  });

  it('leaves one record when connections upsert one key at once', async () => {
    const filename = join(directory(), 'race.db');
    const stores = Array.from({ length: 4 }, () => createSqliteStore({ filename }));
    await Promise.all(stores.map((store) => store.migrate()));

    const results = await Promise.all(
      stores.flatMap((store, index) =>
        [0, 1, 2].map((round) =>
          store.catalog.upsert({ ...llamaOnGroq, providerModelId: `variant-${index}-${round}` }),
        ),
      ),
    );

    expect(results.filter((result) => result.outcome === 'created')).toHaveLength(1);
    expect(await stores[0]?.catalog.list()).toHaveLength(1);
    await Promise.all(stores.map((store) => store.close()));
  });
});
