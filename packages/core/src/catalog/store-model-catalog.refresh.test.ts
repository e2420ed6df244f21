import { afterEach, describe, expect, it, vi } from 'vitest';
import { makePlugin } from '../plugin-builders.test-helpers.js';
import { createInMemoryCatalogRepository } from '../store/testing/in-memory-catalog-repository.js';
import type { StoreModelCatalog } from './store-model-catalog.js';
import { breakableRepository, catalogOver, recordingLogger } from './store-model-catalog.test-helpers.js';

const llama = 'meta-llama/Llama-3.3-70B-Instruct';
const alpha = makePlugin('alpha', [{ hfModelId: llama, providerModelId: 'alpha-llama' }]);
const beta = makePlugin('beta', [{ hfModelId: llama, providerModelId: 'beta-llama' }]);
const partnerMapping = {
  type: 'single',
  hfModelId: 'openai/gpt-oss-120b',
  providerId: 'beta',
  providerModelId: 'beta-gpt-oss',
  task: 'conversational',
  status: 'live',
  origin: 'partner',
} as const;

const providersOf = (catalog: StoreModelCatalog, model = llama) =>
  catalog.entriesFor(model, 'conversational').map((entry) => entry.providerId);

describe('StoreModelCatalog: the snapshot follows the store', () => {
  const open: StoreModelCatalog[] = [];
  const started = async (catalog: StoreModelCatalog) => {
    open.push(catalog);
    await catalog.start();
    return catalog;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((catalog) => catalog.close()));
  });

  it('serves what the store holds once started, with the ids the store gave', async () => {
    const repository = createInMemoryCatalogRepository();
    const catalog = catalogOver(repository, [alpha, beta]);
    expect(catalog.entriesFor(llama)).toEqual([]);

    await started(catalog);

    const stored = await repository.list();
    expect(catalog.entriesFor(llama, 'conversational')).toEqual([
      expect.objectContaining({ providerId: 'alpha', providerModelId: 'alpha-llama', origin: 'plugin' }),
      expect.objectContaining({ providerId: 'beta', providerModelId: 'beta-llama', origin: 'plugin' }),
    ]);
    expect(
      catalog
        .allEntries()
        .map((entry) => entry.id)
        .sort(),
    ).toEqual(stored.map(({ id }) => id).sort());
    expect(catalog.revision).toBe(await repository.revision());
  });

  it('sees its own writes at once, without waiting for a poll', async () => {
    const catalog = await started(catalogOver(createInMemoryCatalogRepository(), [alpha, beta]));

    const { record } = await catalog.upsert(partnerMapping);
    expect(catalog.entriesFor('openai/gpt-oss-120b', 'conversational')).toEqual([
      expect.objectContaining({ id: record.id, origin: 'partner', providerModelId: 'beta-gpt-oss' }),
    ]);

    await catalog.setStatus(record.id, 'staging');
    expect(catalog.entriesFor('openai/gpt-oss-120b')[0]?.status).toBe('staging');

    expect(await catalog.delete(record.id)).toBe(true);
    expect(catalog.entriesFor('openai/gpt-oss-120b')).toEqual([]);
  });

  it("sees another instance's write only after refreshing", async () => {
    const repository = createInMemoryCatalogRepository();
    const first = await started(catalogOver(repository, [alpha, beta]));
    const second = await started(catalogOver(repository, [alpha, beta]));
    const [betaLlama] = second
      .entriesFor(llama, 'conversational')
      .filter((entry) => entry.providerId === 'beta');

    await second.setStatus(betaLlama?.id ?? '', 'error');
    await second.upsert(partnerMapping);
    expect(providersOf(first).length).toBe(2);
    expect(first.entriesFor(llama, 'conversational')[1]?.status).toBe('live');

    await first.refresh();

    expect(first.entriesFor(llama, 'conversational')[1]?.status).toBe('error');
    expect(providersOf(first, 'openai/gpt-oss-120b')).toEqual(['beta']);
  });

  it("picks another instance's write up by polling the revision", async () => {
    const repository = createInMemoryCatalogRepository();
    const polling = await started(catalogOver(repository, [alpha, beta], { refreshIntervalMs: 10 }));
    const writer = await started(catalogOver(repository, [alpha, beta]));

    await writer.upsert(partnerMapping);

    await vi.waitFor(() => expect(providersOf(polling, 'openai/gpt-oss-120b')).toEqual(['beta']), {
      timeout: 2_000,
    });
  });

  it('reads the records again only when the revision moved', async () => {
    const { repository, state } = breakableRepository(createInMemoryCatalogRepository());
    const catalog = await started(catalogOver(repository, [alpha]));
    const listsAfterStart = state.listCalls;

    await catalog.refresh();
    await catalog.refresh();
    expect(state.listCalls).toBe(listsAfterStart);

    await catalog.upsert(partnerMapping);
    expect(state.listCalls).toBe(listsAfterStart + 1);
  });

  it('keeps the last snapshot and logs when a refresh fails, and recovers when the store is back', async () => {
    const inner = createInMemoryCatalogRepository();
    const { repository, state } = breakableRepository(inner);
    const logger = recordingLogger();
    const catalog = await started(catalogOver(repository, [alpha, beta], { logger }));
    const before = catalog.allEntries();
    await inner.upsert(partnerMapping);

    state.failing = true;
    await expect(catalog.refresh()).resolves.toBeUndefined();

    expect(catalog.allEntries()).toBe(before);
    expect(logger.lines).toContainEqual({
      level: 'warn',
      message: 'Catalog refresh failed; routing keeps the last catalog snapshot',
      fields: expect.objectContaining({ failures: 1, err: expect.any(Error) }),
    });

    state.failing = false;
    await catalog.refresh();
    expect(providersOf(catalog, 'openai/gpt-oss-120b')).toEqual(['beta']);
    expect(logger.lines.at(-1)).toMatchObject({ level: 'info', message: 'Catalog refresh works again' });
  });

  it('keeps polling through failures', async () => {
    const inner = createInMemoryCatalogRepository();
    const { repository, state } = breakableRepository(inner);
    const catalog = await started(catalogOver(repository, [alpha, beta], { refreshIntervalMs: 5 }));
    state.failing = true;
    await vi.waitFor(() => expect(state.revisionCalls).toBeGreaterThan(3));

    await inner.upsert(partnerMapping);
    state.failing = false;

    await vi.waitFor(() => expect(providersOf(catalog, 'openai/gpt-oss-120b')).toEqual(['beta']));
  });

  it('keeps the write when the refresh after it fails, and reports the write', async () => {
    const inner = createInMemoryCatalogRepository();
    const { repository } = breakableRepository(inner);
    const catalog = await started(catalogOver(repository, [alpha, beta]));
    const failingRevision = vi.spyOn(repository, 'revision');
    failingRevision.mockRejectedValueOnce(new Error('timeout'));

    const { outcome } = await catalog.upsert(partnerMapping);

    expect(outcome).toBe('created');
    expect(await inner.list({ origin: 'partner' })).toHaveLength(1);
    expect(providersOf(catalog, 'openai/gpt-oss-120b')).toEqual([]);
    await catalog.refresh();
    expect(providersOf(catalog, 'openai/gpt-oss-120b')).toEqual(['beta']);
  });

  it('refuses to start when the store cannot be read', async () => {
    const { repository, state } = breakableRepository(createInMemoryCatalogRepository());
    state.failing = true;
    const catalog = catalogOver(repository, [alpha]);
    open.push(catalog);

    await expect(catalog.start()).rejects.toThrow('connection to the store lost');
    expect(catalog.allEntries()).toEqual([]);
  });

  it('stops polling once closed', async () => {
    const { repository, state } = breakableRepository(createInMemoryCatalogRepository());
    const catalog = await started(catalogOver(repository, [alpha], { refreshIntervalMs: 5 }));
    await vi.waitFor(() => expect(state.revisionCalls).toBeGreaterThan(2));

    await catalog.close();
    const polls = state.revisionCalls;
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(state.revisionCalls).toBe(polls);
    await catalog.refresh();
    expect(state.revisionCalls).toBe(polls);
  });
});
