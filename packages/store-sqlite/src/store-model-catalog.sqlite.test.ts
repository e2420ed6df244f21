import { join } from 'node:path';
import { ProviderRegistry, type Store, StoreModelCatalog, silentLogger } from '@tollgate/core';
import { defineProviderPlugin, type ModelMappingV1 } from '@tollgate/provider-spec';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSqliteStore } from './create-sqlite-store.js';
import { useTemporaryDirectory } from './temporary-directory.test-helpers.js';

const llama = 'meta-llama/Llama-3.3-70B-Instruct';

function plugin(id: string, models: readonly ModelMappingV1[]) {
  return defineProviderPlugin({
    specificationVersion: 'v1',
    id,
    displayName: id,
    version: '0.1.0',
    compatibility: '^0.1.0',
    settings: {
      apiKeyEnvVars: [],
      apiKeyRequired: false,
      baseUrl: `https://${id}.example`,
      auth: { kind: 'none' },
    },
    tasks: {
      conversational: {
        kind: 'sync',
        mapRequest: () => ({ method: 'POST', path: '/', body: { kind: 'json', value: {} }, expect: 'json' }),
        mapResponse: ({ response }) => ({ output: response.body, usage: {} }),
      },
    },
    models,
    rates: {
      kind: 'static',
      table: { asOf: '2026-11-01', sourceUrl: 'https://example.com', currency: 'USD', models: {} },
    },
    billing: 'integrated',
  });
}

const groq = plugin('groq', [
  { hfModelId: llama, providerModelId: 'llama-3.3-70b-versatile', task: 'conversational', status: 'live' },
  {
    hfModelId: 'openai/gpt-oss-120b',
    providerModelId: 'openai/gpt-oss-120b',
    task: 'conversational',
    status: 'live',
  },
]);

// Each catalog over its own connection to one file: separate gateway instances, as far as SQLite can tell.
describe('StoreModelCatalog over one SQLite file shared by several instances', () => {
  const directory = useTemporaryDirectory();
  const opened: { store: Store; catalog: StoreModelCatalog }[] = [];
  afterEach(async () => {
    for (const { store, catalog } of opened.splice(0)) {
      await catalog.close();
      await store.close();
    }
  });

  async function instance(refreshIntervalMs = 0) {
    const store = createSqliteStore({ filename: join(directory(), 'tollgate.db') });
    await store.migrate();
    const registry = new ProviderRegistry();
    registry.add(groq);
    const catalog = new StoreModelCatalog({
      repository: store.catalog,
      registry,
      providers: {},
      logger: silentLogger,
      refreshIntervalMs,
    });
    opened.push({ store, catalog });
    return { store, catalog };
  }

  it('seeds once when instances start together, and they serve the same entries', async () => {
    const instances = await Promise.all([instance(), instance(), instance(), instance()]);

    await Promise.all(instances.map(({ catalog }) => catalog.start()));

    const [first] = instances;
    expect(await first?.store.catalog.list()).toHaveLength(2);
    for (const { catalog } of instances) {
      expect(catalog.allEntries()).toEqual(first?.catalog.allEntries());
      expect(catalog.revision).toBe(await first?.store.catalog.revision());
    }
  });

  it("sees another instance's write at its next poll, and its own at once", async () => {
    const reader = await instance(20);
    const writer = await instance();
    await Promise.all([reader.catalog.start(), writer.catalog.start()]);
    const [entry] = writer.catalog.entriesFor(llama, 'conversational');

    await writer.catalog.setStatus(entry?.id ?? '', 'error');
    expect(writer.catalog.entriesFor(llama)[0]?.status).toBe('error');

    await vi.waitFor(() => expect(reader.catalog.entriesFor(llama)[0]?.status).toBe('error'), {
      timeout: 2_000,
    });
  });

  it('keeps serving the last snapshot when its connection is gone', async () => {
    const { store, catalog } = await instance();
    await catalog.start();
    const before = catalog.allEntries();

    await store.close();
    await catalog.refresh();

    expect(catalog.allEntries()).toBe(before);
    expect(catalog.entriesFor(llama, 'conversational')).toHaveLength(1);
  });
});
